using Provisioning.Config;
using Provisioning.Testing;
using static Provisioning.Tests.AzureStack.SampleStacks;

namespace Provisioning.Tests.AzureStack;

public sealed class TenantRegistrationTests
{
    private const string WestRegistration =
        "/subscriptions/a1a1a1a1-0000-4000-8000-000000000001/resourceGroups/azurestack/providers/Microsoft.AzureStack/registrations/azurestack-WEST01";

    private const string EastRegistration =
        "/subscriptions/b2b2b2b2-0000-4000-8000-000000000002/resourceGroups/AzureStack-East/providers/Microsoft.AzureStack/registrations/azurestack-EAST01";

    private const string NorthRegistration =
        "/subscriptions/c3c3c3c3-0000-4000-8000-000000000003/resourceGroups/azurestack/providers/Microsoft.AzureStack/registrations/azurestack-NORTH01";

    private const string LocalComponent = "urn:pulumi:local::tenant-registrations::provisioning:azurestack:TenantRegistration";
    private const string LocalChild = LocalComponent + "$azure-native:azurestack:CustomerSubscription";
    private const string ProdComponent = "urn:pulumi:prod::tenant-registrations::provisioning:azurestack:TenantRegistration";
    private const string ProdChild = ProdComponent + "$azure-native:azurestack:CustomerSubscription";

    [Fact]
    public async Task A_single_stamp_expands_into_one_mapping_per_tenant_under_its_registration()
    {
        var result = await StackTest.RunAsync(SingleStamp());

        Assert.Equal<string>(
            [
                WestRegistration + "/customerSubscriptions/d0d0d0d0-aaaa-4aaa-8aaa-0000000000c1",
                WestRegistration + "/customerSubscriptions/e0e0e0e0-bbbb-4bbb-8bbb-0000000000f2",
                WestRegistration + "/customerSubscriptions/0a0a0a0a-cccc-4ccc-8ccc-0000000000a4",
            ],
            result.Ids);
        Assert.Equal<string>(
            [
                LocalComponent + "::west",
                LocalChild + "::west-contoso",
                LocalChild + "::west-fabrikam",
                LocalChild + "::west-tailspin",
            ],
            result.Urns);
    }

    [Fact]
    public async Task Every_mapping_is_a_customer_subscription_with_the_tenant_id_as_its_only_property()
    {
        var result = await StackTest.RunAsync(SingleStamp());

        Assert.All(result.Resources, r =>
        {
            Assert.Equal("Microsoft.AzureStack/registrations/customerSubscriptions", r.Type);
            Assert.Equal("2017-06-01", r.ApiVersion);
            Assert.Equal(["tenantId"], r.Properties.Keys);
            Assert.Equal(LocalComponent + "::west", r.Parent?.Value);
        });
        Assert.Equal([ContosoTenant, FabrikamTenant, TailspinTenant], result.Resources.Select(r => r.Properties["tenantId"]));
    }

    [Fact]
    public async Task A_customer_subscription_written_upper_case_is_lower_cased_in_the_id()
    {
        var result = await StackTest.RunAsync(SingleStamp());

        var contoso = Assert.Single(result.Resources, r => r.Urn.Name == "west-contoso");
        Assert.Equal("d0d0d0d0-aaaa-4aaa-8aaa-0000000000c1", contoso.Id.Name);
        Assert.EndsWith("/customerSubscriptions/d0d0d0d0-aaaa-4aaa-8aaa-0000000000c1", contoso.Id.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_single_stamp_is_applied_with_one_put_per_mapping()
    {
        var result = await StackTest.RunAsync(SingleStamp());

        var puts = result.Calls.Where(c => c.Method == "PUT").OrderBy(c => c.Id.ToString(), StringComparer.Ordinal).ToList();
        Assert.Equal(
            [
                (WestRegistration + "/customerSubscriptions/0a0a0a0a-cccc-4ccc-8ccc-0000000000a4", TailspinTenant),
                (WestRegistration + "/customerSubscriptions/d0d0d0d0-aaaa-4aaa-8aaa-0000000000c1", ContosoTenant),
                (WestRegistration + "/customerSubscriptions/e0e0e0e0-bbbb-4bbb-8bbb-0000000000f2", FabrikamTenant),
            ],
            puts.Select(c => (c.Id.ToString(), c.Properties!["tenantId"])));
        Assert.All(puts, c => Assert.Equal("2017-06-01", c.ApiVersion));
        Assert.Equal(3, result.Execution.Succeeded);
        Assert.Equal(3, result.Provider.Resources.Length);
    }

    [Fact]
    public async Task A_multi_stamp_stack_expands_each_registration_into_its_own_component()
    {
        var result = await StackTest.RunAsync(MultiStamp());

        Assert.Equal<string>(
            [
                WestRegistration + "/customerSubscriptions/d0d0d0d0-aaaa-4aaa-8aaa-0000000000c1",
                EastRegistration + "/customerSubscriptions/d0d0d0d0-aaaa-4aaa-8aaa-0000000000c1",
                EastRegistration + "/customerSubscriptions/e0e0e0e0-bbbb-4bbb-8bbb-0000000000f2",
                NorthRegistration + "/customerSubscriptions/f0f0f0f0-bbbb-4bbb-8bbb-0000000000f3",
                NorthRegistration + "/customerSubscriptions/0a0a0a0a-cccc-4ccc-8ccc-0000000000a4",
            ],
            result.Ids);
        Assert.Equal<string>(
            [
                ProdComponent + "::west",
                ProdChild + "::west-contoso",
                ProdComponent + "::east",
                ProdChild + "::east-contoso",
                ProdChild + "::east-fabrikam",
                ProdComponent + "::north",
                ProdChild + "::north-fabrikam",
                ProdChild + "::north-tailspin",
            ],
            result.Urns);
    }

    [Fact]
    public async Task A_tenant_billed_to_another_subscription_on_one_stamp_keeps_its_tenant_id_there()
    {
        var result = await StackTest.RunAsync(MultiStamp());

        var fabrikam = result.Resources.Where(r => r.Urn.Name.EndsWith("-fabrikam", StringComparison.Ordinal)).ToList();
        Assert.Equal(["e0e0e0e0-bbbb-4bbb-8bbb-0000000000f2", "f0f0f0f0-bbbb-4bbb-8bbb-0000000000f3"], fabrikam.Select(r => r.Id.Name));
        Assert.All(fabrikam, r => Assert.Equal(FabrikamTenant, r.Properties["tenantId"]));
        Assert.Equal([EastRegistration, NorthRegistration], fabrikam.Select(r => r.Id.Parent.ToString()));
    }

    [Fact]
    public async Task A_multi_stamp_stack_is_applied_with_one_put_per_mapping_on_the_right_registration()
    {
        var result = await StackTest.RunAsync(MultiStamp());

        var puts = result.Calls.Where(c => c.Method == "PUT")
            .Select(c => (c.Id.ToString(), c.Properties!["tenantId"]))
            .OrderBy(c => c.Item1, StringComparer.Ordinal)
            .ToList();
        Assert.Equal(
            [
                (WestRegistration + "/customerSubscriptions/d0d0d0d0-aaaa-4aaa-8aaa-0000000000c1", ContosoTenant),
                (EastRegistration + "/customerSubscriptions/d0d0d0d0-aaaa-4aaa-8aaa-0000000000c1", ContosoTenant),
                (EastRegistration + "/customerSubscriptions/e0e0e0e0-bbbb-4bbb-8bbb-0000000000f2", FabrikamTenant),
                (NorthRegistration + "/customerSubscriptions/0a0a0a0a-cccc-4ccc-8ccc-0000000000a4", TailspinTenant),
                (NorthRegistration + "/customerSubscriptions/f0f0f0f0-bbbb-4bbb-8bbb-0000000000f3", FabrikamTenant),
            ],
            puts);
        Assert.Equal(5, result.Provider.Resources.Length);
        Assert.Equal(0, result.Execution.Failed);
    }

    [Fact]
    public async Task Running_a_stack_lists_each_registration_before_it_puts_anything()
    {
        var result = await StackTest.RunAsync(MultiStamp());

        var lists = result.Calls.TakeWhile(c => c.Method == "LIST").Select(c => c.Id.ToString()).ToList();
        Assert.Equal([WestRegistration, EastRegistration, NorthRegistration], lists);
        Assert.Equal(3, result.Calls.Count(c => c.Method == "LIST"));
    }

    [Fact]
    public void Protect_and_retain_on_delete_of_a_tenant_reach_each_of_its_mappings()
    {
        var stack = MultiStamp() with
        {
            Tenants = [Tenant("contoso", ContosoTenant, ("west", ContosoSubscription), ("east", ContosoSubscription)) with { Protect = true, RetainOnDelete = true }],
        };

        var graph = stack.Expand();

        Assert.Equal(2, graph.Count);
        Assert.All(graph.Resources, r => Assert.True(r.Options.Protect && r.Options.RetainOnDelete));
    }

    [Fact]
    public void A_registration_without_tenants_is_an_empty_component()
    {
        var stack = MultiStamp() with { Tenants = [Tenant("tailspin", TailspinTenant, ("north", TailspinSubscription))] };

        var graph = stack.Expand();

        Assert.Equal(["west", "east", "north"], graph.Components.Select(c => c.Name));
        Assert.Equal([0, 0, 1], graph.Components.Select(c => c.Children.Count));
    }

    [Fact]
    public void A_mapping_to_an_undeclared_registration_is_refused_with_its_names()
    {
        var stack = SingleStamp() with { Tenants = [Tenant("contoso", ContosoTenant, ("south", ContosoSubscription))] };

        var error = Assert.Throws<ArgumentException>(() => stack.Expand());

        Assert.Contains("contoso", error.Message, StringComparison.Ordinal);
        Assert.Contains("south", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tenant_mapped_twice_on_one_registration_is_refused_because_the_second_put_would_remove_the_first()
    {
        var stack = SingleStamp() with
        {
            Tenants = [Tenant("contoso", ContosoTenant, ("west", ContosoSubscription), ("west", FabrikamSubscription))],
        };

        var error = Assert.Throws<ArgumentException>(() => stack.Expand());

        Assert.Contains(ContosoTenant, error.Message, StringComparison.Ordinal);
        Assert.Contains("west", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_tenant_keys_with_the_same_directory_on_one_registration_are_refused()
    {
        var stack = SingleStamp() with
        {
            Tenants =
            [
                Tenant("contoso", ContosoTenant, ("west", ContosoSubscription)),
                Tenant("contoso-again", ContosoTenant.ToUpperInvariant(), ("west", FabrikamSubscription)),
            ],
        };

        Assert.Throws<ArgumentException>(() => stack.Expand());
    }

    [Fact]
    public void The_same_tenant_on_different_registrations_is_allowed()
    {
        var graph = MultiStamp().Expand();

        Assert.Equal(2, graph.Resources.Count(r => r.Properties["tenantId"] == ContosoTenant));
    }

    [Fact]
    public void Expanding_a_stack_with_no_registrations_gives_an_empty_graph()
    {
        var stack = new StackDefinition(Project, "empty", CloudSpec.Local, [], []);

        var graph = stack.Expand();

        Assert.Equal(0, graph.Count);
        Assert.Empty(graph.Components);
    }
}
