using System.Net;

namespace Provisioning.ArmEmulator.Tests;

public sealed class RegistrationTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private readonly ArmTestClient _client = fixture.Client;

    [Fact]
    public async Task Put_creates_a_registration_with_201_then_updates_it_with_200()
    {
        var registration = TestRegistration.NewUnique();

        using var created = await _client.PutRegistrationAsync(registration);
        using var updated = await _client.PutRegistrationAsync(registration, billingModel: "PayAsYouUse");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var first = await ArmTestClient.JsonAsync(created);
        var second = await ArmTestClient.JsonAsync(updated);
        Assert.Equal(registration.Path, second.GetProperty("id").GetString());
        Assert.Equal(registration.Name, second.GetProperty("name").GetString());
        Assert.Equal("Microsoft.AzureStack/registrations", second.GetProperty("type").GetString());
        Assert.Equal("global", second.GetProperty("location").GetString());
        Assert.Equal("Development", first.GetProperty("properties").GetProperty("billingModel").GetString());
        Assert.Equal("PayAsYouUse", second.GetProperty("properties").GetProperty("billingModel").GetString());
        Assert.Equal(
            first.GetProperty("properties").GetProperty("cloudId").GetString(),
            second.GetProperty("properties").GetProperty("cloudId").GetString());
    }

    [Fact]
    public async Task Get_returns_the_registration_with_the_casing_of_the_last_put()
    {
        var registration = TestRegistration.NewUnique();
        using (await _client.PutRegistrationAsync(registration))
        {
        }

        var upper = registration with { Name = registration.Name.ToUpperInvariant(), ResourceGroup = "AZURESTACK" };
        using (await _client.PutRegistrationAsync(upper))
        {
        }

        using var response = await _client.GetAsync(registration.Path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await ArmTestClient.JsonAsync(response);
        Assert.Equal(upper.Path, json.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Get_of_a_missing_registration_is_404_ResourceNotFound()
    {
        var registration = TestRegistration.NewUnique();

        using var response = await _client.GetAsync(registration.Path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var (code, message) = await ArmTestClient.ErrorAsync(response);
        Assert.Equal("ResourceNotFound", code);
        Assert.Equal(
            $"The Resource 'Microsoft.AzureStack/registrations/{registration.Name}' under resource group 'azurestack' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix",
            message);
    }

    [Fact]
    public async Task Delete_answers_200_when_the_registration_existed_and_204_when_it_did_not()
    {
        var registration = await _client.CreateRegistrationAsync();

        using var first = await _client.DeleteAsync(registration.Path);
        using var second = await _client.DeleteAsync(registration.Path);
        using var get = await _client.GetAsync(registration.Path);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, second.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
    }

    [Fact]
    public async Task Delete_of_a_registration_removes_its_customer_subscriptions()
    {
        var registration = await _client.CreateRegistrationAsync();
        using (await _client.PutMappingAsync(registration, Ids.New(), Ids.New()))
        {
        }

        using (await _client.DeleteAsync(registration.Path))
        {
        }

        using (await _client.PutRegistrationAsync(registration))
        {
        }

        using var list = await _client.GetAsync(registration.CustomerSubscriptionsPath);
        var json = await ArmTestClient.JsonAsync(list);
        Assert.Empty(json.GetProperty("value").EnumerateArray());
    }

    [Fact]
    public async Task List_returns_the_registrations_of_the_resource_group_only()
    {
        var subscription = Ids.New();
        var west = new TestRegistration(subscription, "azurestack", "west");
        var east = new TestRegistration(subscription, "azurestack", "east");
        var elsewhere = new TestRegistration(subscription, "other", "north");
        foreach (var registration in new[] { west, east, elsewhere })
        {
            using var put = await _client.PutRegistrationAsync(registration);
            put.EnsureSuccessStatusCode();
        }

        using var response = await _client.GetAsync(
            $"/subscriptions/{subscription}/resourceGroups/AzureStack/providers/Microsoft.AzureStack/registrations");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var names = (await ArmTestClient.JsonAsync(response)).GetProperty("value").EnumerateArray()
            .Select(r => r.GetProperty("name").GetString()).ToList();
        Assert.Equal(["east", "west"], names);
    }

    [Fact]
    public async Task Put_without_a_registration_token_is_400_InvalidRequestContent()
    {
        var registration = TestRegistration.NewUnique();

        using var response = await _client.SendAsync(
            HttpMethod.Put, ArmTestClient.WithApiVersion(registration.Path), """{"location":"global","properties":{}}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("InvalidRequestContent", (await ArmTestClient.ErrorAsync(response)).Code);
    }

    [Fact]
    public async Task Put_outside_the_global_location_is_400()
    {
        var registration = TestRegistration.NewUnique();

        using var response = await _client.SendAsync(
            HttpMethod.Put, ArmTestClient.WithApiVersion(registration.Path), """{"location":"westus","properties":{"registrationToken":"t"}}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("LocationNotAvailableForResourceType", (await ArmTestClient.ErrorAsync(response)).Code);
    }
}
