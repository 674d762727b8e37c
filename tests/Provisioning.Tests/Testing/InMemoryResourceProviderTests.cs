using Provisioning.AzureStack;
using Provisioning.Execution;
using Provisioning.Model;
using Provisioning.Testing;
using Provisioning.Tests.Execution;
using static Provisioning.Tests.AzureStack.SampleStacks;

namespace Provisioning.Tests.Testing;

public sealed class InMemoryResourceProviderTests
{
    private static readonly ArmResourceId WestContoso = Mapping(West, ContosoSubscription);
    private static readonly ArmResourceId WestFabrikam = Mapping(West, FabrikamSubscription);
    private static readonly ArmResourceId EastContoso = Mapping(East, ContosoSubscription);

    [Fact]
    public async Task Putting_a_tenant_already_mapped_under_the_registration_removes_its_old_mapping()
    {
        var provider = new InMemoryResourceProvider();
        await PutAsync(provider, WestContoso, ContosoTenant);

        await PutAsync(provider, WestFabrikam, ContosoTenant);

        var only = Assert.Single(provider.Resources);
        Assert.Equal(WestFabrikam, only.Id);
        Assert.Equal(ContosoTenant, only.Properties["tenantId"]);
    }

    [Fact]
    public async Task The_overwrite_rule_compares_tenant_ids_without_regard_to_case()
    {
        var provider = new InMemoryResourceProvider();
        provider.Seed(new ObservedResource(WestContoso, TenantRegistration.ArmType, Resource.PropertiesOf(("tenantId", ContosoTenant.ToUpperInvariant()))));

        await PutAsync(provider, WestFabrikam, ContosoTenant);

        Assert.Equal(WestFabrikam, Assert.Single(provider.Resources).Id);
    }

    [Fact]
    public async Task The_same_tenant_under_another_registration_is_left_alone()
    {
        var provider = new InMemoryResourceProvider();
        await PutAsync(provider, EastContoso, ContosoTenant);

        await PutAsync(provider, WestContoso, ContosoTenant);

        Assert.Equal(2, provider.Resources.Length);
    }

    [Fact]
    public async Task Another_tenant_under_the_same_registration_is_left_alone()
    {
        var provider = new InMemoryResourceProvider();
        await PutAsync(provider, WestContoso, ContosoTenant);

        await PutAsync(provider, WestFabrikam, FabrikamTenant);

        Assert.Equal(2, provider.Resources.Length);
    }

    [Fact]
    public async Task Putting_the_same_id_again_overwrites_it_and_keeps_the_new_casing()
    {
        var provider = new InMemoryResourceProvider();
        await PutAsync(provider, WestContoso, ContosoTenant);
        var shouted = ArmResourceId.Parse(WestContoso.ToString().ToUpperInvariant());

        await PutAsync(provider, shouted, TailspinTenant);

        var only = Assert.Single(provider.Resources);
        Assert.Equal(shouted.ToString(), only.Id.ToString());
        Assert.Equal(TailspinTenant, only.Properties["tenantId"]);
    }

    [Fact]
    public async Task Listing_a_registration_gives_only_its_own_mappings_in_name_order()
    {
        var provider = new InMemoryResourceProvider();
        var westTailspin = Mapping(West, TailspinSubscription);
        await PutAsync(provider, WestFabrikam, FabrikamTenant);
        await PutAsync(provider, EastContoso, ContosoTenant);
        await PutAsync(provider, westTailspin, TailspinTenant);
        await PutAsync(provider, WestContoso, ContosoTenant);
        // A registration whose name starts like west's, and west's own registration resource.
        provider.Seed(new ObservedResource(ArmResourceId.Parse(West.Id + "0/customerSubscriptions/" + ContosoSubscription), TenantRegistration.ArmType, Resource.PropertiesOf(("tenantId", ContosoTenant))));
        provider.Seed(new ObservedResource(West.Id, Registration.ResourceType, Resource.PropertiesOf()));

        var west = await ListAsync(provider, West.Id);
        var east = await ListAsync(provider, East.Id);
        var north = await ListAsync(provider, North.Id);

        Assert.Equal([westTailspin, WestContoso, WestFabrikam], west.Select(r => r.Id));
        Assert.Equal([EastContoso], east.Select(r => r.Id));
        Assert.Empty(north);
    }

    [Fact]
    public async Task Every_call_is_logged_in_order_but_seeding_is_not()
    {
        var provider = new InMemoryResourceProvider();
        provider.Seed(new ObservedResource(EastContoso, TenantRegistration.ArmType, Resource.PropertiesOf(("tenantId", ContosoTenant))));

        await PutAsync(provider, WestContoso, ContosoTenant);
        var got = await provider.GetAsync(WestContoso, TenantRegistration.ApiVersion);
        var missing = await provider.GetAsync(WestFabrikam, TenantRegistration.ApiVersion);
        await provider.DeleteAsync(WestContoso, TenantRegistration.ApiVersion);
        await provider.DeleteAsync(WestContoso, TenantRegistration.ApiVersion);
        await ListAsync(provider, West.Id);

        Assert.Equal(ContosoTenant, got!.Properties["tenantId"]);
        Assert.Null(missing);
        Assert.Equal(["PUT", "GET", "GET", "DELETE", "DELETE", "LIST"], provider.Calls.Select(c => c.Method));
        Assert.Equal([WestContoso, WestContoso, WestFabrikam, WestContoso, WestContoso, West.Id], provider.Calls.Select(c => c.Id));
        Assert.Equal(ContosoTenant, provider.Calls[0].Properties!["tenantId"]);
        Assert.Equal(EastContoso, Assert.Single(provider.Resources).Id);
    }

    [Fact]
    public async Task A_put_the_mocks_refuse_is_logged_but_changes_nothing()
    {
        var provider = new InMemoryResourceProvider(new FailingMocks(() => new ResourceProviderException("Forbidden.", 403), WestFabrikam));
        await PutAsync(provider, WestContoso, ContosoTenant);

        await Assert.ThrowsAsync<ResourceProviderException>(() => PutAsync(provider, WestFabrikam, ContosoTenant));

        Assert.Equal(WestContoso, Assert.Single(provider.Resources).Id);
        Assert.Equal(2, provider.Calls.Count(c => c.Method == "PUT"));
    }

    private static ArmResourceId Mapping(Registration registration, string subscription) =>
        registration.Id.Child(TenantRegistration.ChildTypeSegment, subscription.ToLowerInvariant());

    private static Task<ObservedResource> PutAsync(InMemoryResourceProvider provider, ArmResourceId id, string tenant) =>
        provider.PutAsync(id, TenantRegistration.ApiVersion, Resource.PropertiesOf(("tenantId", tenant)));

    private static async Task<List<ObservedResource>> ListAsync(InMemoryResourceProvider provider, ArmResourceId parent)
    {
        var items = new List<ObservedResource>();
        await foreach (var item in provider.ListAsync(parent, TenantRegistration.ChildTypeSegment, TenantRegistration.ApiVersion))
        {
            items.Add(item);
        }

        return items;
    }
}
