using System.Net;

namespace Provisioning.ArmEmulator.Tests;

/// <summary>Paths as ARM reads them: repeated slashes collapse; names ARM would refuse get its 400 bodies and are never stored.</summary>
public sealed class PathAndNameRulesTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private const string ValidTenant = "6b0d549b-6f03-475a-9600-a35a099950d8";

    private ArmTestClient Client => fixture.Client;

    private EmulatorStore Store => fixture.Emulator.Store;

    [Theory]
    [InlineData("//subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.AzureStack/registrations/{reg}/customerSubscriptions/{cs}")]
    [InlineData("/subscriptions//{sub}/resourceGroups/{rg}/providers/Microsoft.AzureStack/registrations/{reg}/customerSubscriptions/{cs}")]
    [InlineData("/subscriptions/{sub}/resourceGroups/{rg}//providers/Microsoft.AzureStack///registrations/{reg}/customerSubscriptions//{cs}")]
    public async Task Repeated_slashes_reach_the_same_resource_as_ARM_accepts_them(string template)
    {
        var registration = await Client.CreateRegistrationAsync();
        var customerSubscription = Ids.New();
        var path = template.Replace("{sub}", registration.SubscriptionId, StringComparison.Ordinal)
            .Replace("{rg}", registration.ResourceGroup, StringComparison.Ordinal)
            .Replace("{reg}", registration.Name, StringComparison.Ordinal)
            .Replace("{cs}", customerSubscription, StringComparison.Ordinal);
        var url = $"{fixture.Emulator.BaseUri.GetLeftPart(UriPartial.Authority)}{path}";

        using var put = await Client.SendAsync(HttpMethod.Put, ArmTestClient.WithApiVersion(url), $$$"""{"properties":{"tenantId":"{{{ValidTenant}}}"}}""");
        using var get = await Client.GetAsync(registration.CustomerSubscriptionPath(customerSubscription));
        using var delete = await Client.SendAsync(HttpMethod.Delete, ArmTestClient.WithApiVersion(url));

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(registration.CustomerSubscriptionPath(customerSubscription), (await ArmTestClient.JsonAsync(get)).GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.OK, delete.StatusCode);
    }

    [Fact]
    public async Task A_list_through_a_doubled_slash_gives_nextLinks_on_the_single_slash_path()
    {
        var registration = await Client.CreateRegistrationAsync();
        Store.SeedMappings(registration.SubscriptionId, registration.ResourceGroup, registration.Name,
            Enumerable.Range(0, 150).Select(_ => (Ids.New(), Ids.New())));
        var url = $"{fixture.Emulator.BaseUri.GetLeftPart(UriPartial.Authority)}/{registration.CustomerSubscriptionsPath}";

        using var list = await Client.SendAsync(HttpMethod.Get, ArmTestClient.WithApiVersion(url));

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var nextLink = (await ArmTestClient.JsonAsync(list)).GetProperty("nextLink").GetString()!;
        Assert.Contains(registration.CustomerSubscriptionsPath + "?", nextLink, StringComparison.Ordinal);
        Assert.DoesNotContain("//subscriptions", nextLink, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("%20azurestack-west", "U+0020")]
    [InlineData("azurestack-west%20", "U+0020")]
    [InlineData("azurestack%20west", "U+0020")]
    [InlineData("azurestack-west%0A", "U+000A")]
    [InlineData("azurestack%09west", "U+0009")]
    [InlineData("azure%3Cstack", "'<'")]
    [InlineData("azure%3Estack", "'>'")]
    [InlineData("azure%25stack", "'%'")]
    [InlineData("azure%26stack", "'&'")]
    [InlineData("azure%3Astack", "':'")]
    [InlineData("azure%5Cstack", "'\\'")]
    [InlineData("azure%3Fstack", "'?'")]
    [InlineData("azure%23stack", "'#'")]
    [InlineData("azurestack.", "end with '.'")]
    public async Task A_registration_name_ARM_refuses_gets_InvalidResourceName_and_is_not_stored(string escapedName, string named)
    {
        var registration = TestRegistration.NewUnique() with { Name = escapedName };

        using var put = await Client.PutRegistrationAsync(registration);
        var (code, message) = await ArmTestClient.ErrorAsync(put);

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.Equal("InvalidResourceName", code);
        Assert.Contains(named, message, StringComparison.Ordinal);
        Assert.DoesNotContain(Store.GetRegistrations(), r => r.SubscriptionId == registration.SubscriptionId);
    }

    [Fact]
    public async Task A_name_longer_than_260_characters_is_refused_and_quoted_short()
    {
        var registration = TestRegistration.NewUnique() with { Name = new string('a', 261) };

        using var put = await Client.PutRegistrationAsync(registration);
        var (code, message) = await ArmTestClient.ErrorAsync(put);

        Assert.Equal(("InvalidResourceName", HttpStatusCode.BadRequest), (code, put.StatusCode));
        Assert.Contains("1 to 260 characters", message, StringComparison.Ordinal);
        Assert.True(message.Length < 300, message);
    }

    [Theory]
    [InlineData("my%20rg")]
    [InlineData("rg%0A")]
    [InlineData("rg.")]
    [InlineData("rg%2Cx")]
    public async Task A_resource_group_name_ARM_refuses_gets_InvalidResourceGroupName(string escapedGroup)
    {
        var registration = TestRegistration.NewUnique() with { ResourceGroup = escapedGroup };

        using var put = await Client.PutRegistrationAsync(registration);

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.Equal("InvalidResourceGroupName", (await ArmTestClient.ErrorAsync(put)).Code);
        Assert.DoesNotContain(Store.GetRegistrations(), r => r.SubscriptionId == registration.SubscriptionId);
    }

    [Theory]
    [InlineData("not-a-guid")]
    [InlineData("%206513270e-269e-4d37-b2a7-4de452e6b438")]
    [InlineData("6513270e269e4d37b2a74de452e6b438")]
    public async Task A_subscription_id_that_is_not_a_GUID_gets_InvalidSubscriptionId(string subscription)
    {
        var registration = TestRegistration.NewUnique() with { SubscriptionId = subscription };

        using var get = await Client.GetAsync(registration.CustomerSubscriptionsPath);
        var (code, message) = await ArmTestClient.ErrorAsync(get);

        Assert.Equal(HttpStatusCode.BadRequest, get.StatusCode);
        Assert.Equal("InvalidSubscriptionId", code);
        Assert.EndsWith("is malformed or invalid.", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("%7B6513270e-269e-4d37-b2a7-4de452e6b438%7D")]
    [InlineData("6513270e269e4d37b2a74de452e6b438")]
    [InlineData("(6513270e-269e-4d37-b2a7-4de452e6b438)")]
    public async Task A_customer_subscription_id_not_in_the_36_character_form_is_refused_and_not_stored(string name)
    {
        var registration = await Client.CreateRegistrationAsync();

        using var put = await Client.SendAsync(HttpMethod.Put, ArmTestClient.WithApiVersion($"{registration.CustomerSubscriptionsPath}/{name}"),
            $$$"""{"properties":{"tenantId":"{{{ValidTenant}}}"}}""");

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.Equal("InvalidCustomerSubscriptionId", (await ArmTestClient.ErrorAsync(put)).Code);
        Assert.DoesNotContain(Store.GetAllMappings(), m => m.Registration.Name == registration.Name);
    }

    [Theory]
    [InlineData("6b0d549b-6f03-475a-9600-a35a099950d8\\n")]
    [InlineData(" 6b0d549b-6f03-475a-9600-a35a099950d8")]
    [InlineData("{6b0d549b-6f03-475a-9600-a35a099950d8}")]
    public async Task A_tenant_id_not_in_the_36_character_form_is_refused_and_not_stored(string tenant)
    {
        var registration = await Client.CreateRegistrationAsync();

        using var put = await Client.SendAsync(HttpMethod.Put, ArmTestClient.WithApiVersion(registration.CustomerSubscriptionPath(Ids.New())),
            $$$"""{"properties":{"tenantId":"{{{tenant}}}"}}""");

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.Equal("InvalidTenantId", (await ArmTestClient.ErrorAsync(put)).Code);
        Assert.DoesNotContain(Store.GetAllMappings(), m => m.Registration.Name == registration.Name);
    }

    [Fact]
    public void Seeding_a_registration_ARM_would_refuse_throws_and_stores_nothing()
    {
        var subscription = Ids.New();

        Assert.Throws<ArgumentException>(() => Store.SeedRegistration(subscription, "azurestack", "west\n"));
        Assert.Throws<ArgumentException>(() => Store.SeedRegistration(" " + subscription, "azurestack", "west"));
        Assert.DoesNotContain(Store.GetRegistrations(), r => r.SubscriptionId.Contains(subscription, StringComparison.Ordinal));
    }
}
