using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Provisioning.ArmEmulator.Tests;

/// <summary>A plain HttpClient speaking to one emulator over loopback HTTPS, trusting exactly its certificate.</summary>
public sealed class ArmTestClient : IDisposable
{
    public const string ApiVersion = "2017-06-01";

    public ArmTestClient(ArmEmulator emulator)
    {
        var thumbprint = emulator.Certificate?.Thumbprint;
        var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) =>
                thumbprint is not null && string.Equals(certificate?.Thumbprint, thumbprint, StringComparison.OrdinalIgnoreCase),
        };
        Http = new HttpClient(handler) { BaseAddress = emulator.BaseUri };
    }

    public HttpClient Http { get; }

    public static string WithApiVersion(string path, string apiVersion = ApiVersion) =>
        $"{path}{(path.Contains('?', StringComparison.Ordinal) ? '&' : '?')}api-version={apiVersion}";

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string pathAndQuery, string? json = null, string? authorization = "Bearer test-token")
    {
        var request = new HttpRequestMessage(method, new Uri(pathAndQuery, UriKind.RelativeOrAbsolute));
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        }

        return Http.SendAsync(request);
    }

    public Task<HttpResponseMessage> GetAsync(string path) => SendAsync(HttpMethod.Get, WithApiVersion(path));

    public Task<HttpResponseMessage> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, WithApiVersion(path));

    public Task<HttpResponseMessage> PutRegistrationAsync(TestRegistration registration, string? billingModel = null)
    {
        var billing = billingModel is null ? string.Empty : $",\"billingModel\":\"{billingModel}\"";
        return SendAsync(
            HttpMethod.Put,
            WithApiVersion(registration.Path),
            $$$"""{"location":"global","properties":{"registrationToken":"dG9rZW4="{{{billing}}}}}""");
    }

    public async Task<TestRegistration> CreateRegistrationAsync()
    {
        var registration = TestRegistration.NewUnique();
        using var response = await PutRegistrationAsync(registration);
        response.EnsureSuccessStatusCode();
        return registration;
    }

    public Task<HttpResponseMessage> PutMappingAsync(TestRegistration registration, string customerSubscriptionId, string tenantId, string? etag = null)
    {
        var etagMember = etag is null ? string.Empty : $"\"etag\":\"{etag}\",";
        return SendAsync(
            HttpMethod.Put,
            WithApiVersion(registration.CustomerSubscriptionPath(customerSubscriptionId)),
            $$$"""{{{{etagMember}}}"properties":{"tenantId":"{{{tenantId}}}"}}""");
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    public static async Task<(string Code, string Message)> ErrorAsync(HttpResponseMessage response)
    {
        var json = await JsonAsync(response);
        var error = json.GetProperty("error");
        return (error.GetProperty("code").GetString()!, error.GetProperty("message").GetString()!);
    }

    public void Dispose() => Http.Dispose();
}
