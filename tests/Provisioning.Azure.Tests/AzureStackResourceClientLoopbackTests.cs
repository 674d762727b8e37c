using System.Collections.Immutable;
using System.Diagnostics.Tracing;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Azure.Core.Diagnostics;
using Provisioning.Azure.Tests.Fakes;
using Provisioning.Diagnostics;
using Provisioning.Model;

namespace Provisioning.Azure.Tests;

/// <summary>The real client, pipeline and transport against a throwaway ARM look-alike over loopback HTTPS.</summary>
public sealed class AzureStackResourceClientLoopbackTests(LoopbackCertificates certificates) : IClassFixture<LoopbackCertificates>, IAsyncLifetime
{
    private const string Token = "test-token-5f0e9c";
    private ArmTestServer _server = null!;

    public async Task InitializeAsync() => _server = await ArmTestServer.StartAsync(certificates.Server, Token);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Create_get_list_over_three_pages_and_delete_work_through_the_real_client()
    {
        var client = Client();
        var registration = RegistrationId("azurestack-cloud1");
        var names = Enumerable.Range(1, 5).Select(i => $"0000000{i}-aaaa-bbbb-cccc-dddddddddddd").ToList();

        foreach (var name in names)
        {
            var created = await client.PutAsync(registration.Child("customerSubscriptions", name), "2017-06-01", TenantProperties($"tenant-{name[7]}"));
            Assert.Equal($"tenant-{name[7]}", created.Properties["tenantId"]);
        }

        var read = await client.GetAsync(registration.Child("customerSubscriptions", names[2]), "2017-06-01");
        var listed = await client.ListAsync(registration, "customerSubscriptions", "2017-06-01").ToListAsync();
        await client.DeleteAsync(registration.Child("customerSubscriptions", names[0]), "2017-06-01");
        var afterDelete = await client.GetAsync(registration.Child("customerSubscriptions", names[0]), "2017-06-01");

        Assert.Equal("tenant-3", read!.Properties["tenantId"]);
        Assert.Equal("Microsoft.AzureStack/registrations/customerSubscriptions", read.Type);
        Assert.Equal(names, listed.Select(r => r.Id.Name));
        Assert.Equal(3, _server.Requests.Count(r => r.Method == "GET" && r.PathAndQuery.Contains("/customerSubscriptions?", StringComparison.Ordinal)));
        Assert.Null(afterDelete);
    }

    [Fact]
    public async Task Put_answered_201_without_a_body_and_delete_of_something_absent_both_succeed()
    {
        var client = Client();
        var id = RegistrationId("azurestack-cloud1").Child("customerSubscriptions", "doc-created");

        var created = await client.PutAsync(id, "2017-06-01", TenantProperties("t-doc"));
        await client.DeleteAsync(id, "2017-06-01");
        await client.DeleteAsync(id, "2017-06-01");

        Assert.Equal(id, created.Id);
        Assert.Equal("t-doc", created.Properties["tenantId"]);
        Assert.Equal(2, _server.Requests.Count(r => r.Method == "DELETE"));
    }

    [Fact]
    public async Task The_bearer_token_of_the_credential_is_sent_on_every_request()
    {
        var client = Client();

        await client.GetAsync(RegistrationId("azurestack-cloud1").Child("customerSubscriptions", "absent"), "2017-06-01");

        var request = Assert.Single(_server.Requests);
        Assert.Equal($"Bearer {Token}", request.Authorization);
    }

    [Fact]
    public async Task A_token_the_server_refuses_becomes_a_401_with_its_ARM_code()
    {
        var client = Client(new StaticTokenCredential("not-the-right-token"));

        var error = await Assert.ThrowsAsync<ArmRequestException>(() => client.GetAsync(RegistrationId("azurestack-cloud1").Child("customerSubscriptions", "x"), "2017-06-01"));

        Assert.Equal((401, "InvalidAuthenticationToken"), (error.Status, error.ErrorCode));
        Assert.DoesNotContain("not-the-right-token", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_parent_registration_becomes_an_exception_with_status_code_message_and_request_id()
    {
        var client = Client();
        var id = RegistrationId("missing").Child("customerSubscriptions", "x");

        var error = await Assert.ThrowsAsync<ArmRequestException>(() => client.PutAsync(id, "2017-06-01", TenantProperties("t")));

        Assert.Equal(404, error.Status);
        Assert.Equal("ParentResourceNotFound", error.ErrorCode);
        Assert.Equal("Can not perform requested operation on nested resource. Parent resource 'missing' not found.", error.ArmMessage);
        Assert.Matches("^req-[0-9]+$", error.RequestId);
        Assert.Equal($"PUT {id} failed: 404 ParentResourceNotFound: {error.ArmMessage} (request id {error.RequestId})", error.Message);
    }

    [Fact]
    public async Task A_list_under_a_missing_parent_throws_instead_of_returning_nothing()
    {
        var client = Client();

        var error = await Assert.ThrowsAsync<ArmRequestException>(async () =>
            await client.ListAsync(RegistrationId("missing"), "customerSubscriptions", "2017-06-01").ToListAsync());

        Assert.Equal((404, "ParentResourceNotFound"), (error.Status, error.ErrorCode));
    }

    [Fact]
    public async Task A_server_certificate_other_than_the_trusted_one_is_refused_at_once()
    {
        var attempts = new List<string>();
        var client = Client(trusted: certificates.Other, log: attempts.Add, maxRetries: 10);

        var error = await Assert.ThrowsAsync<DiagnosticException>(() => client.GetAsync(RegistrationId("azurestack-cloud1").Child("customerSubscriptions", "x"), "2017-06-01"));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(("PRV126", DiagnosticOrigin.Environment), (diagnostic.Code, diagnostic.Origin));
        Assert.Contains("RemoteCertificateValidationCallback", diagnostic.Message, StringComparison.Ordinal);
        Assert.Single(attempts);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task Without_a_trusted_certificate_the_self_signed_one_is_refused_at_once_naming_what_to_set()
    {
        var attempts = new List<string>();
        var client = Client(trustNothing: true, log: attempts.Add, maxRetries: 10);

        var error = await Assert.ThrowsAsync<DiagnosticException>(() => client.PutAsync(RegistrationId("azurestack-cloud1").Child("customerSubscriptions", "x"), "2017-06-01", TenantProperties("t")));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(("PRV126", DiagnosticOrigin.Environment), (diagnostic.Code, diagnostic.Origin));
        Assert.StartsWith($"The certificate of https://127.0.0.1:{_server.Endpoint.Port} is not trusted: ", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("SSL_CERT_FILE", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("PROVISION_TRUST_CERT_THUMBPRINT", diagnostic.Message, StringComparison.Ordinal);
        Assert.Single(attempts);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task Azure_Core_logs_the_correlation_id_but_never_the_token()
    {
        var client = Client();
        var log = new StringBuilder();
        using (new AzureEventSourceListener((_, message) =>
        {
            lock (log)
            {
                log.AppendLine(message);
            }
        }, EventLevel.Verbose))
        {
            await client.PutAsync(RegistrationId("azurestack-cloud1").Child("customerSubscriptions", "logged"), "2017-06-01", TenantProperties("t-log"));
        }

        var text = log.ToString();
        Assert.Contains(ArmTestServer.CorrelationId, text, StringComparison.Ordinal);
        Assert.Contains("Authorization:REDACTED", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Token, text, StringComparison.Ordinal);
    }

    private AzureStackResourceClient Client(StaticTokenCredential? credential = null, X509Certificate2? trusted = null, bool trustNothing = false, Action<string>? log = null, int maxRetries = 1)
    {
        var options = new AzureStackClientOptions(_server.Endpoint) { HttpLog = log };
        options.Retry.MaxRetries = maxRetries;
        options.Retry.Delay = TimeSpan.FromMilliseconds(1);
        if (!trustNothing)
        {
            options.TrustedServerCertificate = trusted ?? certificates.Server;
        }

        return new AzureStackResourceClient(credential ?? new StaticTokenCredential(Token), options);
    }

    private static ArmResourceId RegistrationId(string name) =>
        ArmResourceId.Parse($"/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/azurestack/providers/Microsoft.AzureStack/registrations/{name}");

    private static ImmutableSortedDictionary<string, string> TenantProperties(string tenantId) =>
        ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("tenantId", tenantId)]);
}
