using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;

namespace Provisioning.ArmEmulator.Tests;

public sealed class SystemDataTests : IAsyncLifetime, IDisposable
{
    private const string Preview = "2020-06-01-preview";
    private readonly FakeTimeProvider _time = FakeClock.New();
    private ArmEmulator? _emulator;
    private ArmTestClient? _client;

    private ArmTestClient Client => _client!;

    public async Task InitializeAsync()
    {
        _emulator = await ArmEmulator.StartAsync(new ArmEmulatorOptions { TimeProvider = _time });
        _client = new ArmTestClient(_emulator);
    }

    [Fact]
    public async Task Preview_answers_carry_systemData_with_the_caller_and_the_time()
    {
        var registration = await Client.CreateRegistrationAsync();
        var customerSubscription = Ids.New();
        var app = Ids.New();

        using var put = await PutAsync(registration, customerSubscription, Tokens.Jwt(app), Preview);

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var systemData = (await ArmTestClient.JsonAsync(put)).GetProperty("systemData");
        Assert.Equal(app, systemData.GetProperty("createdBy").GetString());
        Assert.Equal("Application", systemData.GetProperty("createdByType").GetString());
        Assert.Equal("2026-05-01T10:00:00.0000000Z", systemData.GetProperty("createdAt").GetString());
        Assert.Equal(app, systemData.GetProperty("lastModifiedBy").GetString());
        Assert.Equal("Application", systemData.GetProperty("lastModifiedByType").GetString());
        Assert.Equal("2026-05-01T10:00:00.0000000Z", systemData.GetProperty("lastModifiedAt").GetString());
    }

    [Theory]
    [InlineData("2017-06-01")]
    [InlineData("2022-06-01")]
    public async Task Other_api_versions_never_show_systemData(string apiVersion)
    {
        var registration = await Client.CreateRegistrationAsync();
        var customerSubscription = Ids.New();

        using var put = await PutAsync(registration, customerSubscription, Tokens.Jwt(Ids.New()), apiVersion);
        using var get = await Client.SendAsync(HttpMethod.Get, ArmTestClient.WithApiVersion(registration.CustomerSubscriptionPath(customerSubscription), apiVersion));
        using var list = await Client.SendAsync(HttpMethod.Get, ArmTestClient.WithApiVersion(registration.CustomerSubscriptionsPath, apiVersion));

        Assert.False((await ArmTestClient.JsonAsync(put)).TryGetProperty("systemData", out _));
        Assert.False((await ArmTestClient.JsonAsync(get)).TryGetProperty("systemData", out _));
        Assert.False((await ArmTestClient.JsonAsync(list)).GetProperty("value")[0].TryGetProperty("systemData", out _));
    }

    [Fact]
    public async Task An_update_keeps_the_creator_and_records_the_last_writer()
    {
        var registration = await Client.CreateRegistrationAsync();
        var customerSubscription = Ids.New();
        var app = Ids.New();
        using (await PutAsync(registration, customerSubscription, Tokens.Jwt(app), Preview))
        {
        }

        _time.Advance(TimeSpan.FromMinutes(5));
        using var update = await PutAsync(registration, customerSubscription, Tokens.Jwt(Ids.New(), upn: "ops@contoso.com"), Preview);

        var systemData = (await ArmTestClient.JsonAsync(update)).GetProperty("systemData");
        Assert.Equal((app, "Application", "2026-05-01T10:00:00.0000000Z"), (
            systemData.GetProperty("createdBy").GetString(),
            systemData.GetProperty("createdByType").GetString(),
            systemData.GetProperty("createdAt").GetString()));
        Assert.Equal(("ops@contoso.com", "User", "2026-05-01T10:05:00.0000000Z"), (
            systemData.GetProperty("lastModifiedBy").GetString(),
            systemData.GetProperty("lastModifiedByType").GetString(),
            systemData.GetProperty("lastModifiedAt").GetString()));
    }

    [Fact]
    public async Task A_listed_item_is_the_same_JSON_as_its_GET()
    {
        var registration = await Client.CreateRegistrationAsync();
        var customerSubscription = Ids.New();
        using (await PutAsync(registration, customerSubscription, Tokens.Jwt(Ids.New()), Preview, etag: "e1"))
        {
        }

        using var get = await Client.SendAsync(HttpMethod.Get, ArmTestClient.WithApiVersion(registration.CustomerSubscriptionPath(customerSubscription), Preview));
        using var list = await Client.SendAsync(HttpMethod.Get, ArmTestClient.WithApiVersion(registration.CustomerSubscriptionsPath, Preview));

        var item = (await ArmTestClient.JsonAsync(list)).GetProperty("value")[0];
        Assert.Equal(JsonSerializer.Serialize(await ArmTestClient.JsonAsync(get)), JsonSerializer.Serialize(item));
        Assert.Equal("application/json; charset=utf-8", list.Content.Headers.ContentType?.ToString());
    }

    [Fact]
    public async Task A_Capacity_registration_refuses_customer_subscriptions_with_409_CustomerSubscriptionsNotAllowed()
    {
        var registration = TestRegistration.NewUnique();
        using (await Client.PutRegistrationAsync(registration, billingModel: "Capacity"))
        {
        }

        using var response = await Client.PutMappingAsync(registration, Ids.New(), Ids.New());

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var (code, message) = await ArmTestClient.ErrorAsync(response);
        Assert.Equal("CustomerSubscriptionsNotAllowed", code);
        Assert.Contains(registration.Name, message, StringComparison.Ordinal);
        Assert.DoesNotContain(_emulator!.Store.GetAllMappings(), m => m.Registration.Name == registration.Name);
    }

    public async Task DisposeAsync()
    {
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }

    public void Dispose() => _client?.Dispose();

    private Task<HttpResponseMessage> PutAsync(
        TestRegistration registration, string customerSubscription, string authorization, string apiVersion, string? etag = null)
    {
        var etagMember = etag is null ? string.Empty : $"\"etag\":\"{etag}\",";
        return Client.SendAsync(
            HttpMethod.Put,
            ArmTestClient.WithApiVersion(registration.CustomerSubscriptionPath(customerSubscription), apiVersion),
            $$$"""{{{{etagMember}}}"properties":{"tenantId":"{{{Ids.New()}}}"}}""",
            authorization);
    }
}
