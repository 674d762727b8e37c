using System.Net;

namespace Provisioning.ArmEmulator.Tests;

public sealed class CustomerSubscriptionTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private readonly ArmTestClient _client = fixture.Client;
    private readonly ArmEmulator _emulator = fixture.Emulator;

    [Fact]
    public async Task Put_answers_200_with_the_full_resource()
    {
        var registration = await _client.CreateRegistrationAsync();
        var customerSubscription = Ids.New();
        var tenant = Ids.New();

        using var response = await _client.PutMappingAsync(registration, customerSubscription, tenant);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        var json = await ArmTestClient.JsonAsync(response);
        Assert.Equal(registration.CustomerSubscriptionPath(customerSubscription), json.GetProperty("id").GetString());
        Assert.Equal($"{registration.Name}/{customerSubscription}", json.GetProperty("name").GetString());
        Assert.Equal("Microsoft.AzureStack/registrations/customerSubscriptions", json.GetProperty("type").GetString());
        Assert.Equal(tenant, json.GetProperty("properties").GetProperty("tenantId").GetString());
        Assert.False(json.TryGetProperty("etag", out _));
        Assert.False(json.TryGetProperty("location", out _));
    }

    [Fact]
    public async Task Put_with_an_etag_returns_it()
    {
        var registration = await _client.CreateRegistrationAsync();

        using var response = await _client.PutMappingAsync(registration, Ids.New(), Ids.New(), etag: "v1");

        var json = await ArmTestClient.JsonAsync(response);
        Assert.Equal("v1", json.GetProperty("etag").GetString());
    }

    [Fact]
    public async Task Get_returns_the_mapping_whatever_the_casing_of_the_path()
    {
        var registration = await _client.CreateRegistrationAsync();
        var customerSubscription = Ids.New();
        var tenant = Ids.New();
        using (await _client.PutMappingAsync(registration, customerSubscription, tenant))
        {
        }

        var path = registration.CustomerSubscriptionPath(customerSubscription.ToUpperInvariant())
            .Replace("/customerSubscriptions/", "/CUSTOMERSUBSCRIPTIONS/", StringComparison.Ordinal)
            .Replace("/resourceGroups/", "/resourcegroups/", StringComparison.Ordinal);
        using var response = await _client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await ArmTestClient.JsonAsync(response);
        Assert.Equal(registration.CustomerSubscriptionPath(customerSubscription), json.GetProperty("id").GetString());
        Assert.Equal(tenant, json.GetProperty("properties").GetProperty("tenantId").GetString());
    }

    [Fact]
    public async Task Get_of_a_missing_mapping_is_404_ResourceNotFound()
    {
        var registration = await _client.CreateRegistrationAsync();
        var customerSubscription = Ids.New();

        using var response = await _client.GetAsync(registration.CustomerSubscriptionPath(customerSubscription));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var (code, message) = await ArmTestClient.ErrorAsync(response);
        Assert.Equal("ResourceNotFound", code);
        Assert.Equal(
            $"The Resource 'Microsoft.AzureStack/registrations/{registration.Name}/customerSubscriptions/{customerSubscription}' under resource group 'azurestack' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix",
            message);
    }

    [Fact]
    public async Task Every_operation_under_a_missing_registration_is_404_ParentResourceNotFound()
    {
        var registration = TestRegistration.NewUnique();
        var customerSubscription = Ids.New();

        using var put = await _client.PutMappingAsync(registration, customerSubscription, Ids.New());
        using var get = await _client.GetAsync(registration.CustomerSubscriptionPath(customerSubscription));
        using var list = await _client.GetAsync(registration.CustomerSubscriptionsPath);
        using var delete = await _client.DeleteAsync(registration.CustomerSubscriptionPath(customerSubscription));

        foreach (var response in new[] { put, get, list, delete })
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            var (code, message) = await ArmTestClient.ErrorAsync(response);
            Assert.Equal("ParentResourceNotFound", code);
            Assert.Equal(
                $"Can not perform requested operation on nested resource. Parent resource '{registration.Name}' not found.", message);
        }
    }

    [Fact]
    public async Task Delete_answers_200_then_204()
    {
        var registration = await _client.CreateRegistrationAsync();
        var customerSubscription = Ids.New();
        using (await _client.PutMappingAsync(registration, customerSubscription, Ids.New()))
        {
        }

        using var first = await _client.DeleteAsync(registration.CustomerSubscriptionPath(customerSubscription));
        using var second = await _client.DeleteAsync(registration.CustomerSubscriptionPath(customerSubscription));
        using var get = await _client.GetAsync(registration.CustomerSubscriptionPath(customerSubscription));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, second.StatusCode);
        Assert.Equal(0, second.Content.Headers.ContentLength ?? 0);
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
    }

    [Fact]
    public async Task Put_for_a_tenant_mapped_elsewhere_replaces_the_old_mapping()
    {
        var registration = await _client.CreateRegistrationAsync();
        var tenant = Ids.New();
        var oldSubscription = Ids.New();
        var newSubscription = Ids.New();
        using (await _client.PutMappingAsync(registration, oldSubscription, tenant))
        {
        }

        using var put = await _client.PutMappingAsync(registration, newSubscription, tenant);
        using var oldGet = await _client.GetAsync(registration.CustomerSubscriptionPath(oldSubscription));
        using var list = await _client.GetAsync(registration.CustomerSubscriptionsPath);

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, oldGet.StatusCode);
        var names = (await ArmTestClient.JsonAsync(list)).GetProperty("value").EnumerateArray()
            .Select(m => m.GetProperty("name").GetString()).ToList();
        Assert.Equal([$"{registration.Name}/{newSubscription}"], names);
    }

    [Fact]
    public async Task The_same_tenant_may_be_mapped_once_on_each_registration()
    {
        var west = await _client.CreateRegistrationAsync();
        var east = await _client.CreateRegistrationAsync();
        var tenant = Ids.New();

        using (await _client.PutMappingAsync(west, Ids.New(), tenant))
        {
        }

        using (await _client.PutMappingAsync(east, Ids.New(), tenant))
        {
        }

        var mappings = _emulator.Store.GetAllMappings().Where(m => m.TenantId == tenant).ToList();
        Assert.Equal(2, mappings.Count);
    }

    [Fact]
    public async Task Put_that_moves_a_subscription_to_another_tenant_frees_the_old_tenant()
    {
        var registration = await _client.CreateRegistrationAsync();
        var subscription = Ids.New();
        var firstTenant = Ids.New();
        using (await _client.PutMappingAsync(registration, subscription, firstTenant))
        {
        }

        using (await _client.PutMappingAsync(registration, subscription, Ids.New()))
        {
        }

        var other = Ids.New();
        using (await _client.PutMappingAsync(registration, other, firstTenant))
        {
        }

        using var list = await _client.GetAsync(registration.CustomerSubscriptionsPath);
        Assert.Equal(2, (await ArmTestClient.JsonAsync(list)).GetProperty("value").GetArrayLength());
    }

    [Theory]
    [InlineData("""{"properties":{"tenantId":"not-a-guid"}}""", "InvalidTenantId")]
    [InlineData("""{"properties":{}}""", "InvalidTenantId")]
    [InlineData("""{"tenantId":"0b2a9e3c-3a64-4d45-8a8f-3c7f2b6f9d11"}""", "InvalidRequestContent")]
    [InlineData("""[1,2]""", "InvalidRequestContent")]
    [InlineData("""{"properties":""", "InvalidRequestContent")]
    [InlineData("", "InvalidRequestContent")]
    public async Task Put_with_a_bad_body_is_400(string body, string expectedCode)
    {
        var registration = await _client.CreateRegistrationAsync();

        using var response = await _client.SendAsync(
            HttpMethod.Put, ArmTestClient.WithApiVersion(registration.CustomerSubscriptionPath(Ids.New())), body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(expectedCode, (await ArmTestClient.ErrorAsync(response)).Code);
    }

    [Fact]
    public async Task Put_with_a_customer_subscription_id_that_is_not_a_guid_is_400_InvalidCustomerSubscriptionId()
    {
        var registration = await _client.CreateRegistrationAsync();

        using var response = await _client.PutMappingAsync(registration, "not-a-subscription", Ids.New());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("InvalidCustomerSubscriptionId", (await ArmTestClient.ErrorAsync(response)).Code);
    }

    [Fact]
    public async Task List_of_a_registration_without_mappings_is_an_empty_value_without_nextLink()
    {
        var registration = await _client.CreateRegistrationAsync();

        using var response = await _client.GetAsync(registration.CustomerSubscriptionsPath);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"value":[]}""", await response.Content.ReadAsStringAsync());
    }
}
