using System.Net;

namespace Provisioning.ArmEmulator.Tests;

public sealed class ProtocolTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private readonly ArmTestClient _client = fixture.Client;

    [Fact]
    public async Task A_request_without_api_version_is_400_MissingApiVersionParameter()
    {
        var registration = TestRegistration.NewUnique();

        using var response = await _client.SendAsync(HttpMethod.Get, registration.Path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var (code, message) = await ArmTestClient.ErrorAsync(response);
        Assert.Equal("MissingApiVersionParameter", code);
        Assert.Equal("The api-version query parameter (?api-version=) is required for all requests.", message);
    }

    [Fact]
    public async Task A_request_with_an_unknown_api_version_is_400_InvalidApiVersionParameter_listing_the_supported_ones()
    {
        var registration = TestRegistration.NewUnique();

        using var response = await _client.SendAsync(HttpMethod.Get, ArmTestClient.WithApiVersion(registration.Path, "2016-01-01"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var (code, message) = await ArmTestClient.ErrorAsync(response);
        Assert.Equal("InvalidApiVersionParameter", code);
        Assert.Equal(
            "The api-version '2016-01-01' is invalid. The supported versions are '2017-06-01,2020-06-01-preview,2022-06-01'.",
            message);
    }

    [Theory]
    [InlineData("2017-06-01")]
    [InlineData("2020-06-01-preview")]
    [InlineData("2022-06-01")]
    public async Task Every_supported_api_version_is_served(string apiVersion)
    {
        var registration = await _client.CreateRegistrationAsync();

        using var response = await _client.SendAsync(
            HttpMethod.Get, ArmTestClient.WithApiVersion(registration.CustomerSubscriptionsPath, apiVersion));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_request_without_Authorization_is_401_AuthenticationFailed()
    {
        var registration = TestRegistration.NewUnique();

        using var response = await _client.SendAsync(HttpMethod.Get, ArmTestClient.WithApiVersion(registration.Path), authorization: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var (code, message) = await ArmTestClient.ErrorAsync(response);
        Assert.Equal("AuthenticationFailed", code);
        Assert.Equal("Authentication failed. The 'Authorization' header is missing.", message);
    }

    [Theory]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer ")]
    [InlineData("token")]
    public async Task A_request_whose_Authorization_is_not_a_bearer_token_is_401_AuthenticationFailedInvalidHeader(string authorization)
    {
        var registration = TestRegistration.NewUnique();

        using var response = await _client.SendAsync(HttpMethod.Get, ArmTestClient.WithApiVersion(registration.Path), authorization: authorization);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("AuthenticationFailedInvalidHeader", (await ArmTestClient.ErrorAsync(response)).Code);
    }

    [Fact]
    public async Task Every_response_carries_a_new_request_id_and_echoes_the_correlation_id()
    {
        var registration = TestRegistration.NewUnique();
        var correlation = Ids.New();
        using var request = new HttpRequestMessage(HttpMethod.Get, ArmTestClient.WithApiVersion(registration.Path));
        request.Headers.Add("Authorization", "Bearer t");
        request.Headers.Add("x-ms-correlation-request-id", correlation);

        using var first = await _client.Http.SendAsync(request);
        using var second = await _client.GetAsync(registration.Path);

        var firstId = Assert.Single(first.Headers.GetValues("x-ms-request-id"));
        var secondId = Assert.Single(second.Headers.GetValues("x-ms-request-id"));
        Assert.True(Guid.TryParse(firstId, out _));
        Assert.NotEqual(firstId, secondId);
        Assert.Equal(correlation, Assert.Single(first.Headers.GetValues("x-ms-correlation-request-id")));
        Assert.True(Guid.TryParse(Assert.Single(second.Headers.GetValues("x-ms-correlation-request-id")), out _));
    }

    [Fact]
    public async Task The_client_request_id_is_echoed_only_when_asked_for()
    {
        var registration = TestRegistration.NewUnique();
        var clientRequestId = Ids.New();

        using var asked = await SendWithClientRequestIdAsync(registration, clientRequestId, returnIt: true);
        using var notAsked = await SendWithClientRequestIdAsync(registration, clientRequestId, returnIt: false);

        Assert.Equal(clientRequestId, Assert.Single(asked.Headers.GetValues("x-ms-client-request-id")));
        Assert.False(notAsked.Headers.Contains("x-ms-client-request-id"));
    }

    [Fact]
    public async Task Errors_before_routing_still_carry_request_ids()
    {
        using var response = await _client.SendAsync(HttpMethod.Get, "/subscriptions/x", authorization: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.True(response.Headers.Contains("x-ms-request-id"));
    }

    [Fact]
    public async Task An_unknown_route_is_404_with_an_ARM_error_body()
    {
        using var response = await _client.GetAsync("/subscriptions/x/providers/Microsoft.Unknown/things");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("NotFound", (await ArmTestClient.ErrorAsync(response)).Code);
    }

    [Fact]
    public async Task The_admin_state_lists_registrations_and_mappings_without_auth()
    {
        var registration = await _client.CreateRegistrationAsync();
        var customerSubscription = Ids.New();
        using (await _client.PutMappingAsync(registration, customerSubscription, Ids.New()))
        {
        }

        using var response = await _client.SendAsync(HttpMethod.Get, "/_emulator/state", authorization: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var state = await ArmTestClient.JsonAsync(response);
        var stored = state.GetProperty("registrations").EnumerateArray().Single(r => r.GetProperty("name").GetString() == registration.Name);
        Assert.Equal(customerSubscription, stored.GetProperty("customerSubscriptions")[0].GetProperty("name").GetString());
    }

    private Task<HttpResponseMessage> SendWithClientRequestIdAsync(TestRegistration registration, string clientRequestId, bool returnIt)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, ArmTestClient.WithApiVersion(registration.Path));
        request.Headers.Add("Authorization", "Bearer t");
        request.Headers.Add("x-ms-client-request-id", clientRequestId);
        request.Headers.Add("x-ms-return-client-request-id", returnIt ? "true" : "false");
        return _client.Http.SendAsync(request);
    }
}
