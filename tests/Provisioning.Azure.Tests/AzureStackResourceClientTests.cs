using System.Collections.Immutable;
using System.Net;
using System.Text.Json;
using Azure.Core.Pipeline;
using Provisioning.Azure.Tests.Fakes;
using Provisioning.Model;

namespace Provisioning.Azure.Tests;

/// <summary>The client's wire handling against canned responses under Azure.Core's real HttpClientTransport.</summary>
public sealed class AzureStackResourceClientTests
{
    private const string Registration = "/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/azurestack/providers/Microsoft.AzureStack/registrations/azurestack-cloud1";
    private static readonly ArmResourceId RegistrationId = ArmResourceId.Parse(Registration);
    private static readonly ArmResourceId MappingId = RegistrationId.Child("customerSubscriptions", "22222222-2222-2222-2222-222222222222");
    private static readonly ImmutableSortedDictionary<string, string> Tenant = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("tenantId", "t-1")]);

    [Fact]
    public async Task Put_sends_the_properties_as_an_ARM_body_and_returns_what_ARM_answers()
    {
        var answerId = MappingId.ToString().Replace("resourceGroups", "resourcegroups", StringComparison.Ordinal);
        var (client, handler) = ClientAnswering(_ => CannedHandler.Json(HttpStatusCode.OK,
            $$$"""{"id":"{{{answerId}}}","name":"azurestack-cloud1/2222","type":"Microsoft.AzureStack/registrations/customerSubscriptions","properties":{"tenantId":"t-1","count":3}}"""));

        var observed = await client.PutAsync(MappingId, "2017-06-01", Tenant);

        var sent = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Put, sent.Method);
        Assert.Equal($"https://management.example.test{MappingId}?api-version=2017-06-01", sent.Uri.ToString());
        Assert.Equal("""{"properties":{"tenantId":"t-1"}}""", sent.Body);
        Assert.Equal(answerId, observed.Id.ToString());
        Assert.Equal("Microsoft.AzureStack/registrations/customerSubscriptions", observed.Type);
        Assert.Equal(Tenant, observed.Properties);
    }

    [Fact]
    public async Task Put_answered_201_with_an_empty_body_returns_the_resource_as_sent()
    {
        var (client, _) = ClientAnswering(_ => CannedHandler.Empty(HttpStatusCode.Created));

        var observed = await client.PutAsync(MappingId, "2017-06-01", Tenant);

        Assert.Equal(MappingId, observed.Id);
        Assert.Equal("Microsoft.AzureStack/registrations/customerSubscriptions", observed.Type);
        Assert.Equal("t-1", observed.Properties["tenantId"]);
    }

    [Fact]
    public async Task Put_answered_with_the_specs_empty_id_keeps_the_requested_id()
    {
        var (client, _) = ClientAnswering(_ => CannedHandler.Json(HttpStatusCode.OK, """{"id":"","name":"","type":"","properties":{"tenantId":"t-1"}}"""));

        var observed = await client.PutAsync(MappingId, "2017-06-01", Tenant);

        Assert.Equal(MappingId.ToString(), observed.Id.ToString());
        Assert.Equal("Microsoft.AzureStack/registrations/customerSubscriptions", observed.Type);
    }

    [Fact]
    public async Task An_empty_api_version_is_sent_as_the_default_2017_06_01()
    {
        var (client, handler) = ClientAnswering(_ => CannedHandler.Json(HttpStatusCode.NotFound, """{"error":{"code":"ResourceNotFound","message":"gone"}}"""));

        await client.GetAsync(MappingId, string.Empty);

        Assert.EndsWith("?api-version=2017-06-01", Assert.Single(handler.Requests).Uri.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HttpStatusCode.OK, null)]
    [InlineData(HttpStatusCode.NoContent, null)]
    [InlineData(HttpStatusCode.NotFound, "ResourceNotFound")]
    [InlineData(HttpStatusCode.NotFound, "ParentResourceNotFound")]
    public async Task Delete_succeeds_on_200_204_and_a_404_saying_the_resource_is_gone(HttpStatusCode status, string? code)
    {
        var (client, handler) = ClientAnswering(_ => code is null
            ? CannedHandler.Empty(status)
            : CannedHandler.Json(status, $$$"""{"error":{"code":"{{{code}}}","message":"gone"}}"""));

        await client.DeleteAsync(MappingId, "2017-06-01");

        Assert.Equal(HttpMethod.Delete, Assert.Single(handler.Requests).Method);
    }

    [Fact]
    public async Task Delete_answered_409_throws_with_the_ARM_error()
    {
        var (client, _) = ClientAnswering(_ => CannedHandler.Json(HttpStatusCode.Conflict, """{"error":{"code":"Conflict","message":"Busy."}}""", "r-9"));

        var error = await Assert.ThrowsAsync<ArmRequestException>(() => client.DeleteAsync(MappingId, "2017-06-01"));

        Assert.Equal((409, "Conflict", "r-9"), (error.Status, error.ErrorCode, error.RequestId));
    }

    [Fact]
    public async Task Get_answered_404_returns_null()
    {
        var (client, _) = ClientAnswering(_ => CannedHandler.Json(HttpStatusCode.NotFound, """{"error":{"code":"ResourceNotFound","message":"gone"}}"""));

        Assert.Null(await client.GetAsync(MappingId, "2017-06-01"));
    }

    [Fact]
    public async Task Get_keeps_only_the_string_values_of_properties()
    {
        var (client, _) = ClientAnswering(_ => CannedHandler.Json(HttpStatusCode.OK,
            $$$"""{"id":"{{{MappingId}}}","type":"Microsoft.AzureStack/registrations/customerSubscriptions","properties":{"tenantId":"t-1","n":1,"b":true,"o":{},"z":null}}"""));

        var observed = await client.GetAsync(MappingId, "2017-06-01");

        Assert.Equal(["tenantId"], observed!.Properties.Keys);
    }

    [Fact]
    public async Task A_200_body_that_is_not_JSON_throws_with_the_status()
    {
        var (client, _) = ClientAnswering(_ => CannedHandler.Json(HttpStatusCode.OK, "<html>hello</html>", "r-5"));

        var error = await Assert.ThrowsAsync<ArmRequestException>(() => client.GetAsync(MappingId, "2017-06-01"));

        Assert.Equal((200, "r-5"), (error.Status, error.RequestId));
        Assert.Contains("not a valid ARM body", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_ARM_error_body_becomes_an_exception_with_status_code_message_and_request_id()
    {
        var (client, _) = ClientAnswering(_ => CannedHandler.Json(HttpStatusCode.NotFound,
            """{"error":{"code":"ParentResourceNotFound","message":"Can not perform requested operation on nested resource. Parent resource 'azurestack-cloud1' not found."}}""",
            "1234"));

        var error = await Assert.ThrowsAsync<ArmRequestException>(() => client.PutAsync(MappingId, "2017-06-01", Tenant));

        Assert.Equal(404, error.Status);
        Assert.Equal("ParentResourceNotFound", error.ErrorCode);
        Assert.Equal("1234", error.RequestId);
        Assert.Equal("PUT", error.Method);
        Assert.Equal(
            $"PUT {MappingId} failed: 404 ParentResourceNotFound: Can not perform requested operation on nested resource. Parent resource 'azurestack-cloud1' not found. (request id 1234)",
            error.Message);
    }

    [Fact]
    public async Task A_non_JSON_error_body_is_quoted_on_one_line()
    {
        var (client, _) = ClientAnswering(_ => CannedHandler.Json(HttpStatusCode.BadGateway, "<html>\n<body>Bad gateway</body>\n</html>"));

        var error = await Assert.ThrowsAsync<ArmRequestException>(() => client.DeleteAsync(MappingId, "2017-06-01"));

        Assert.Equal(502, error.Status);
        Assert.Null(error.ErrorCode);
        Assert.Equal("<html> <body>Bad gateway</body> </html>", error.ArmMessage);
    }

    [Fact]
    public async Task An_error_without_a_body_takes_the_code_from_the_x_ms_error_code_header()
    {
        var (client, _) = ClientAnswering(_ =>
        {
            var response = CannedHandler.Empty(HttpStatusCode.Forbidden);
            response.Headers.Add("x-ms-error-code", "AuthorizationFailed");
            return response;
        });

        var error = await Assert.ThrowsAsync<ArmRequestException>(() => client.GetAsync(MappingId, "2017-06-01"));

        Assert.Equal((403, "AuthorizationFailed"), (error.Status, error.ErrorCode));
        Assert.StartsWith($"GET {MappingId} failed: 403 AuthorizationFailed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_list_without_value_is_empty()
    {
        var (client, _) = ClientAnswering(_ => CannedHandler.Json(HttpStatusCode.OK, "{}"));

        Assert.Empty(await client.ListAsync(RegistrationId, "customerSubscriptions", "2017-06-01").ToListAsync());
    }

    [Fact]
    public async Task A_list_follows_an_empty_page_with_a_nextLink_until_there_is_none()
    {
        var (client, handler) = ClientAnswering(request => request.RequestUri!.Query.Contains("skip=1", StringComparison.Ordinal)
            ? CannedHandler.Json(HttpStatusCode.OK, $$$"""{"value":[{"id":"{{{MappingId}}}","properties":{"tenantId":"t-1"}}],"nextLink":null}""")
            : CannedHandler.Json(HttpStatusCode.OK, $$$"""{"value":[],"nextLink":"https://management.example.test{{{Registration}}}/customerSubscriptions?api-version=2017-06-01&skip=1"}"""));

        var items = await client.ListAsync(RegistrationId, "customerSubscriptions", "2017-06-01").ToListAsync();

        Assert.Equal(MappingId, Assert.Single(items).Id);
        Assert.Equal(2, handler.Requests.Count);
        Assert.Equal($"https://management.example.test{Registration}/customerSubscriptions?api-version=2017-06-01", handler.Requests[0].Uri.ToString());
    }

    [Fact]
    public async Task A_list_refuses_a_nextLink_to_another_host()
    {
        var (client, handler) = ClientAnswering(_ => CannedHandler.Json(HttpStatusCode.OK, """{"value":[],"nextLink":"https://evil.example.test/next"}"""));

        var error = await Assert.ThrowsAsync<ArmRequestException>(async () => await client.ListAsync(RegistrationId, "customerSubscriptions", "2017-06-01").ToListAsync());

        Assert.Contains("evil.example.test", error.Message, StringComparison.Ordinal);
        Assert.Single(handler.Requests);
    }

    [Theory]
    [InlineData("skip=1", "skip=1")]
    [InlineData("skip=1", "skip=2")]
    public async Task A_list_whose_nextLinks_come_round_again_stops_instead_of_looping_for_ever(string first, string second)
    {
        // Page 1 → first, first → second, second → first: a cycle (of length 1 or 2).
        var (client, handler) = ClientAnswering(request =>
        {
            var query = request.RequestUri!.Query;
            var next = query.Contains(first, StringComparison.Ordinal) ? second : first;
            return CannedHandler.Json(HttpStatusCode.OK, $$$"""{"value":[],"nextLink":"https://management.example.test{{{Registration}}}/customerSubscriptions?api-version=2017-06-01&{{{next}}}"}""");
        });

        var error = await Assert.ThrowsAsync<ArmRequestException>(async () => await client.ListAsync(RegistrationId, "customerSubscriptions", "2017-06-01").ToListAsync());

        Assert.Contains("nextLink it had already returned", error.Message, StringComparison.Ordinal);
        Assert.True(handler.Requests.Count <= 3, $"{handler.Requests.Count} requests");
    }

    [Fact]
    public async Task A_list_item_without_an_id_is_an_invalid_response()
    {
        var (client, _) = ClientAnswering(_ => CannedHandler.Json(HttpStatusCode.OK, """{"value":[{"properties":{"tenantId":"t-1"}}]}"""));

        var error = await Assert.ThrowsAsync<ArmRequestException>(async () => await client.ListAsync(RegistrationId, "customerSubscriptions", "2017-06-01").ToListAsync());

        Assert.Equal(200, error.Status);
        Assert.Contains("no 'id'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_connection_failure_becomes_an_exception_with_status_0_the_tries_and_the_time()
    {
        var (client, _) = ClientAnswering(_ => throw new HttpRequestException("The response ended prematurely."));

        var error = await Assert.ThrowsAsync<ArmRequestException>(() => client.GetAsync(MappingId, "2017-06-01"));

        Assert.Equal(0, error.Status);
        Assert.StartsWith($"GET {MappingId} failed: no response: https://management.example.test gave no answer after 1 attempt in ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith(" s: The response ended prematurely.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancellation_passes_through_as_OperationCanceledException()
    {
        using var cancellation = new CancellationTokenSource();
        var (client, _) = ClientAnswering(_ =>
        {
            cancellation.Cancel();
            cancellation.Token.ThrowIfCancellationRequested();
            return CannedHandler.Empty(HttpStatusCode.OK);
        });

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetAsync(MappingId, "2017-06-01", cancellation.Token));

        Assert.IsNotAssignableFrom<ArmRequestException>(error);
    }

    [Fact]
    public async Task A_429_is_retried_after_Retry_After_and_then_succeeds()
    {
        var calls = 0;
        var (client, handler) = ClientAnswering(_ =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                var throttled = CannedHandler.Json(HttpStatusCode.TooManyRequests, """{"error":{"code":"TooManyRequests","message":"slow down"}}""");
                throttled.Headers.Add("Retry-After", "0");
                return throttled;
            }

            return CannedHandler.Empty(HttpStatusCode.NoContent);
        }, maxRetries: 2);

        await client.DeleteAsync(MappingId, "2017-06-01");

        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task The_body_sent_is_JSON_with_every_property_as_a_string()
    {
        var (client, handler) = ClientAnswering(_ => CannedHandler.Empty(HttpStatusCode.Created));
        var properties = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("tenantId", "t\"1"), KeyValuePair.Create("a", "é")]);

        await client.PutAsync(MappingId, "2017-06-01", properties);

        using var sent = JsonDocument.Parse(Assert.Single(handler.Requests).Body!);
        var bag = sent.RootElement.GetProperty("properties");
        Assert.Equal("t\"1", bag.GetProperty("tenantId").GetString());
        Assert.Equal("é", bag.GetProperty("a").GetString());
    }

    private static (AzureStackResourceClient Client, CannedHandler Handler) ClientAnswering(Func<HttpRequestMessage, HttpResponseMessage> answer, int maxRetries = 0)
    {
        var handler = new CannedHandler(answer);
        var options = new AzureStackClientOptions(new Uri("https://management.example.test/"))
        {
            Transport = new HttpClientTransport(handler),
        };
        options.Retry.MaxRetries = maxRetries;
        options.Retry.Delay = TimeSpan.FromMilliseconds(1);
        return (new AzureStackResourceClient(new StaticTokenCredential("unit-token"), options), handler);
    }
}
