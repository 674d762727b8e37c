using System.Collections.Immutable;
using System.Net;
using System.Text;
using Azure.Core.Pipeline;
using Provisioning.Azure.Tests.Fakes;
using Provisioning.Diagnostics;
using Provisioning.Execution;
using Provisioning.Model;

namespace Provisioning.Azure.Tests;

/// <summary>
/// Every way an ARM answer can fail, against a strict fake under Azure.Core's real transport: the message keeps status,
/// ARM code, ARM message (cut) and request id; only an ARM code that says so means "missing"; nothing raw escapes.
/// </summary>
public sealed class ArmFailureTests
{
    private const string Registration = "/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/azurestack/providers/Microsoft.AzureStack/registrations/azurestack-cloud1";
    private static readonly ArmResourceId RegistrationId = ArmResourceId.Parse(Registration);
    private static readonly ArmResourceId MappingId = RegistrationId.Child("customerSubscriptions", "22222222-2222-2222-2222-222222222222");
    private static readonly ImmutableSortedDictionary<string, string> Tenant = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("tenantId", "t-1")]);

    /// <summary>404 answers of a wrong endpoint, path or permission: none of them says the registration or mapping is missing.</summary>
    public static TheoryData<string?, string> WrongEndpointAnswers => new()
    {
        { "NoRegisteredProviderFound", """{"error":{"code":"NoRegisteredProviderFound","message":"No registered resource provider found for location 'global' and API version '2017-06-01' for type 'registrations'."}}""" },
        { "InvalidResourceType", """{"error":{"code":"InvalidResourceType","message":"The resource type 'registrations' could not be found in the namespace 'Microsoft.AzureStack'."}}""" },
        { "SubscriptionNotFound", """{"error":{"code":"SubscriptionNotFound","message":"The subscription '11111111-1111-1111-1111-111111111111' could not be found."}}""" },
        { "ResourceGroupNotFound", """{"error":{"code":"ResourceGroupNotFound","message":"Resource group 'azurestack' could not be found."}}""" },
        { "AuthorizationFailed", """{"error":{"code":"AuthorizationFailed","message":"The client does not have authorization."}}""" },
        { "InvalidAuthenticationToken", """{"error":{"code":"InvalidAuthenticationToken","message":"The access token is invalid."}}""" },
        { "NotFound", """{"error":{"code":"NotFound","message":"No HTTP resource was found that matches the request URI."}}""" },
        { null, "" },
        { null, "<html><body><h1>404 Not Found</h1></body></html>" },
        { null, """{"error":{"code":"ResourceNotFo""" },
    };

    [Theory]
    [MemberData(nameof(WrongEndpointAnswers))]
    public async Task A_list_answered_404_without_a_missing_code_is_an_environment_diagnostic_never_a_missing_registration(string? code, string body)
    {
        var client = ClientAnswering(_ => Answer(HttpStatusCode.NotFound, body, "req-404"));

        var error = await Assert.ThrowsAsync<DiagnosticException>(async () => await client.ListAsync(RegistrationId, "customerSubscriptions", "2017-06-01").ToListAsync());

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(("PRV128", DiagnosticOrigin.Environment), (diagnostic.Code, diagnostic.Origin));
        Assert.StartsWith($"GET {Registration}/customerSubscriptions failed: 404{(code is null ? string.Empty : " " + code)}", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("(request id req-404)", diagnostic.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("does not exist", diagnostic.Message, StringComparison.Ordinal);
        Assert.False(Assert.IsType<ArmRequestException>(error.InnerException).ResourceMissing);
    }

    [Theory]
    [MemberData(nameof(WrongEndpointAnswers))]
    public async Task A_get_or_delete_answered_404_without_a_missing_code_fails_with_the_ARM_code(string? code, string body)
    {
        var client = ClientAnswering(_ => Answer(HttpStatusCode.NotFound, body, "req-7"));

        var get = await Assert.ThrowsAsync<ArmRequestException>(() => client.GetAsync(MappingId, "2017-06-01"));
        var delete = await Assert.ThrowsAsync<ArmRequestException>(() => client.DeleteAsync(MappingId, "2017-06-01"));

        foreach (var error in new[] { get, delete })
        {
            Assert.Equal((404, code, "req-7", false), (error.Status, error.ErrorCode, error.RequestId, error.ResourceMissing));
            Assert.EndsWith("(request id req-7)", error.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("ResourceNotFound")]
    [InlineData("ParentResourceNotFound")]
    [InlineData("RegistrationNotFound")]
    [InlineData("parentresourcenotfound")]
    public async Task Only_an_ARM_code_saying_so_makes_a_404_mean_missing(string code)
    {
        var client = ClientAnswering(_ => Answer(HttpStatusCode.NotFound, $$$"""{"error":{"code":"{{{code}}}","message":"Parent resource 'azurestack-cloud1' not found."}}""", "r-1"));

        var listed = await Assert.ThrowsAsync<ArmRequestException>(async () => await client.ListAsync(RegistrationId, "customerSubscriptions", "2017-06-01").ToListAsync());

        Assert.True(listed.ResourceMissing);
        Assert.Null(await client.GetAsync(MappingId, "2017-06-01"));
        await client.DeleteAsync(MappingId, "2017-06-01");
    }

    [Fact]
    public async Task A_refresh_against_a_wrong_endpoint_fails_instead_of_reporting_the_registration_missing()
    {
        var client = ClientAnswering(_ => Answer(HttpStatusCode.NotFound, """{"error":{"code":"NoRegisteredProviderFound","message":"No registered resource provider found."}}""", "r-2"));

        var error = await Assert.ThrowsAsync<DiagnosticException>(() => Refresher.RefreshAsync(client, [RegistrationId], "customerSubscriptions", "2017-06-01"));

        Assert.Contains("NoRegisteredProviderFound", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refresh_under_a_registration_ARM_says_is_missing_reports_it_missing()
    {
        var client = ClientAnswering(_ => Answer(HttpStatusCode.NotFound, """{"error":{"code":"ParentResourceNotFound","message":"Parent resource 'azurestack-cloud1' not found."}}""", "r-3"));

        var result = await Refresher.RefreshAsync(client, [RegistrationId], "customerSubscriptions", "2017-06-01");

        Assert.Equal(RegistrationId, Assert.Single(result.MissingParents));
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, "InvalidRequestContent", "The request content was invalid and could not be deserialized.")]
    [InlineData(HttpStatusCode.Conflict, "CustomerSubscriptionsNotAllowed", "Customer subscriptions are not allowed for registration 'azurestack-cloud1'.")]
    [InlineData(HttpStatusCode.Forbidden, "AuthorizationFailed", "The client 'x' with object id 'y' does not have authorization to perform action.")]
    [InlineData(HttpStatusCode.Unauthorized, "InvalidAuthenticationToken", "The access token is invalid.")]
    public async Task A_put_refused_by_ARM_keeps_status_code_message_and_request_id(HttpStatusCode status, string code, string message)
    {
        var client = ClientAnswering(_ => Answer(status, $$$"""{"error":{"code":"{{{code}}}","message":"{{{message}}}"}}""", "rid-9"));

        var error = await Assert.ThrowsAsync<ArmRequestException>(() => client.PutAsync(MappingId, "2017-06-01", Tenant));

        Assert.Equal($"PUT {MappingId} failed: {(int)status} {code}: {message} (request id rid-9)", error.Message);
    }

    [Fact]
    public async Task A_long_ARM_message_is_cut_to_one_line_of_300_characters()
    {
        var longMessage = string.Join("\\n", Enumerable.Repeat("Something went wrong in a very verbose way.", 100));
        var client = ClientAnswering(_ => Answer(HttpStatusCode.BadRequest, $$$"""{"error":{"code":"BadRequest","message":"{{{longMessage}}}"}}""", "r-4"));

        var error = await Assert.ThrowsAsync<ArmRequestException>(() => client.PutAsync(MappingId, "2017-06-01", Tenant));

        Assert.Equal(301, error.ArmMessage!.Length);
        Assert.EndsWith("…", error.ArmMessage, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.EndsWith("(request id r-4)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_ten_megabyte_HTML_error_page_is_quoted_short()
    {
        var page = "<html><body>" + new string('x', 10 * 1024 * 1024) + "</body></html>";
        var client = ClientAnswering(_ => Answer(HttpStatusCode.BadGateway, page, null, "text/html"));

        var error = await Assert.ThrowsAsync<ArmRequestException>(() => client.DeleteAsync(MappingId, "2017-06-01"));

        Assert.Equal(502, error.Status);
        Assert.True(error.Message.Length < 600, $"{error.Message.Length} characters");
        Assert.StartsWith("<html><body>xxx", error.ArmMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"id\":\"/subscriptions/1")]
    [InlineData("<html>ok</html>")]
    [InlineData("[]")]
    [InlineData("{\"id\":\"not an arm id\",\"properties\":{}}")]
    public async Task A_200_whose_body_is_not_an_ARM_resource_is_an_ARM_failure_with_the_request_id(string body)
    {
        var client = ClientAnswering(_ => Answer(HttpStatusCode.OK, body, "r-5"));

        var error = await Assert.ThrowsAsync<ArmRequestException>(() => client.GetAsync(MappingId, "2017-06-01"));

        Assert.Equal((200, "r-5"), (error.Status, error.RequestId));
        Assert.Contains("not a valid ARM body", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_429_without_Retry_After_is_retried_with_back_off_and_then_succeeds()
    {
        var calls = 0;
        var client = ClientAnswering(_ => Interlocked.Increment(ref calls) <= 2
            ? Answer(HttpStatusCode.TooManyRequests, """{"error":{"code":"TooManyRequests","message":"slow down"}}""", null)
            : CannedHandler.Empty(HttpStatusCode.NoContent), maxRetries: 5);

        await client.DeleteAsync(MappingId, "2017-06-01");

        Assert.Equal(3, calls);
    }

    [Fact]
    public async Task Throttling_answers_use_the_whole_retry_budget_and_the_last_one_is_reported()
    {
        var attempts = new List<string>();
        var client = ClientAnswering(_ =>
        {
            var throttled = Answer(HttpStatusCode.TooManyRequests, """{"error":{"code":"SubscriptionRequestsThrottled","message":"Number of 'write' requests exceeded."}}""", "r-429");
            throttled.Headers.Add("Retry-After", "0");
            return throttled;
        }, maxRetries: 6, log: attempts.Add);

        var error = await Assert.ThrowsAsync<ArmRequestException>(() => client.PutAsync(MappingId, "2017-06-01", Tenant));

        Assert.Equal(7, attempts.Count);
        Assert.Equal((429, "SubscriptionRequestsThrottled"), (error.Status, error.ErrorCode));
    }

    [Fact]
    public async Task A_Retry_After_longer_than_the_longest_wait_is_reported_at_once_with_its_value()
    {
        var attempts = new List<string>();
        var client = ClientAnswering(_ =>
        {
            var throttled = Answer(HttpStatusCode.TooManyRequests, """{"error":{"code":"SubscriptionRequestsThrottled","message":"Number of 'write' requests exceeded."}}""", "r-long");
            throttled.Headers.Add("Retry-After", "3600");
            return throttled;
        }, maxRetries: 10, log: attempts.Add);

        var error = await Assert.ThrowsAsync<ArmRequestException>(() => client.PutAsync(MappingId, "2017-06-01", Tenant));

        Assert.Single(attempts);
        Assert.Equal($"PUT {MappingId} failed: 429 SubscriptionRequestsThrottled: Number of 'write' requests exceeded. (Retry-After: 3600) (request id r-long)", error.Message);
    }

    [Fact]
    public async Task Tries_without_an_answer_are_retried_three_times_and_reported_with_the_count()
    {
        var attempts = new List<string>();
        var client = ClientAnswering(_ => throw new HttpRequestException("The response ended prematurely."), maxRetries: 10, log: attempts.Add);

        var error = await Assert.ThrowsAsync<ArmRequestException>(() => client.PutAsync(MappingId, "2017-06-01", Tenant));

        Assert.Equal(4, attempts.Count);
        Assert.Equal(0, error.Status);
        Assert.Contains("gave no answer after 4 attempts in ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Any_exception_of_the_transport_becomes_an_ARM_failure_with_status_0()
    {
        var client = ClientAnswering(_ => throw new NotSupportedException("odd transport"));

        var error = await Assert.ThrowsAsync<ArmRequestException>(() => client.GetAsync(MappingId, "2017-06-01"));

        Assert.Equal(0, error.Status);
        Assert.EndsWith(": odd transport", error.Message, StringComparison.Ordinal);
        Assert.IsType<NotSupportedException>(error.InnerException);
    }

    private static HttpResponseMessage Answer(HttpStatusCode status, string body, string? requestId, string mediaType = "application/json")
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, mediaType) };
        if (requestId is not null)
        {
            response.Headers.Add("x-ms-request-id", requestId);
        }

        return response;
    }

    private static AzureStackResourceClient ClientAnswering(Func<HttpRequestMessage, HttpResponseMessage> answer, int maxRetries = 0, Action<string>? log = null)
    {
        var options = new AzureStackClientOptions(new Uri("https://management.example.test/"))
        {
            Transport = new HttpClientTransport(new CannedHandler(answer)),
            HttpLog = log,
        };
        options.Retry.MaxRetries = maxRetries;
        options.Retry.Delay = TimeSpan.FromMilliseconds(1);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(5);
        options.Pacing.Enabled = false;
        return new AzureStackResourceClient(new StaticTokenCredential("unit-token"), options);
    }
}
