using Provisioning.Diagnostics;
using Provisioning.AzureStack;
using Provisioning.Config;

namespace Provisioning.Tests.Config;

public sealed class ValidStackTests
{
    [Fact]
    public void A_single_stamp_stack_loads_into_the_expected_records()
    {
        var result = ConfigFixture.ParseStack("""
            config:
              tenant-registrations:cloud: AzureCloud
              tenant-registrations:registrations:
                west: { subscriptionId: 11111111-1111-1111-1111-111111111111, resourceGroup: rg-west, name: azurestack-AB12 }
              tenant-registrations:tenants:
                contoso:
                  tenantId: AAAAAAAA-aaaa-aaaa-aaaa-aaaaaaaaaaaa
                  subscriptionId: CCCCCCCC-cccc-cccc-cccc-cccccccccccc
                  registrations: [west]
                  protect: true
            """);

        Assert.Empty(result.Diagnostics);
        var stack = Assert.IsType<StackDefinition>(result.Stack);
        Assert.Equal("tenant-registrations", stack.Project);
        Assert.Equal("local", stack.Stack);
        Assert.Same(CloudSpec.AzureCloud, stack.Cloud);
        Assert.Null(stack.BackendUrl);
        var west = Assert.Single(stack.Registrations);
        Assert.Equal(new Registration("west", "11111111-1111-1111-1111-111111111111", "rg-west", "azurestack-AB12", new SourceSpan(ConfigFixture.StackFile, 4, 5)), west);
        var tenant = Assert.Single(stack.Tenants);
        Assert.Equal("contoso", tenant.Key);
        // GUIDs are lowered once, where they are read: every id sent, stored and compared has one form.
        Assert.Equal("aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa", tenant.TenantId);
        Assert.True(tenant.Protect);
        Assert.False(tenant.RetainOnDelete);
        Assert.Equal(new SourceSpan(ConfigFixture.StackFile, 6, 5), tenant.Span);
        var mapping = Assert.Single(tenant.Mappings);
        Assert.Equal(new TenantMapping("west", "cccccccc-cccc-cccc-cccc-cccccccccccc", new SourceSpan(ConfigFixture.StackFile, 9, 23)), mapping);
    }

    [Fact]
    public void A_multi_stamp_stack_with_a_per_registration_subscription_loads_into_the_expected_records()
    {
        var result = ConfigFixture.ParseStack("""
            config:
              azure-native:location: westeurope
              tenant-registrations:cloud: AzureUSGovernment
              tenant-registrations:registrations:
                west: { subscriptionId: 11111111-1111-1111-1111-111111111111, name: azurestack-west }
                east:
                  subscriptionId: 22222222-2222-2222-2222-222222222222
                  resourceGroup: stamps
                  name: azurestack-east
              tenant-registrations:tenants:
                contoso:
                  tenantId: aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa
                  subscriptionId: cccccccc-cccc-cccc-cccc-cccccccccccc
                  registrations:
                    - west
                    - registration: east
                      subscriptionId: dddddddd-dddd-dddd-dddd-dddddddddddd
                  retainOnDelete: "true"
                fabrikam:
                  tenantId: bbbbbbbb-bbbb-bbbb-bbbb-bbbbbbbbbbbb
                  registrations:
                    - { registration: west, subscriptionId: eeeeeeee-eeee-eeee-eeee-eeeeeeeeeeee }
            """);

        Assert.Empty(result.Diagnostics);
        var stack = Assert.IsType<StackDefinition>(result.Stack);
        Assert.Same(CloudSpec.AzureUSGovernment, stack.Cloud);
        Assert.Equal(["west", "east"], stack.Registrations.Select(r => r.Key));
        Assert.Equal("azurestack", stack.Registrations[0].ResourceGroup);
        Assert.Equal("stamps", stack.Registrations[1].ResourceGroup);
        Assert.Equal(
            "/subscriptions/22222222-2222-2222-2222-222222222222/resourceGroups/stamps/providers/Microsoft.AzureStack/registrations/azurestack-east",
            stack.Registrations[1].Id.ToString());
        var contoso = stack.Tenants[0];
        Assert.False(contoso.Protect);
        Assert.True(contoso.RetainOnDelete);
        Assert.Equal(
            [
                new TenantMapping("west", "cccccccc-cccc-cccc-cccc-cccccccccccc", new SourceSpan(ConfigFixture.StackFile, 15, 11)),
                new TenantMapping("east", "dddddddd-dddd-dddd-dddd-dddddddddddd", new SourceSpan(ConfigFixture.StackFile, 16, 11)),
            ],
            contoso.Mappings);
        var fabrikam = stack.Tenants[1];
        Assert.Equal([new TenantMapping("west", "eeeeeeee-eeee-eeee-eeee-eeeeeeeeeeee", new SourceSpan(ConfigFixture.StackFile, 22, 11))], fabrikam.Mappings);
    }

    [Fact]
    public void A_custom_https_endpoint_with_a_token_scope_becomes_a_custom_cloud()
    {
        var result = ConfigFixture.ParseStack("""
            config:
              tenant-registrations:cloud: https://management.local.azurestack.external/
              tenant-registrations:tokenScope: https://management.adfs.azurestack.local/.default
              tenant-registrations:registrations:
                west: { subscriptionId: 11111111-1111-1111-1111-111111111111, name: azurestack-west }
              tenant-registrations:tenants: {}
            """);

        Assert.False(result.HasErrors);
        var cloud = result.Stack!.Cloud;
        Assert.Equal(new Uri("https://management.local.azurestack.external/"), cloud.ArmEndpoint);
        Assert.Equal("https://management.adfs.azurestack.local/.default", cloud.TokenScope);
    }

    [Fact]
    public void An_empty_tenants_mapping_is_legal_and_only_warns()
    {
        var result = ConfigFixture.ParseStack("""
            config:
              tenant-registrations:cloud: local
              tenant-registrations:registrations:
                west: { subscriptionId: 11111111-1111-1111-1111-111111111111, name: azurestack-west }
              tenant-registrations:tenants: {}
            """);

        Assert.NotNull(result.Stack);
        Assert.True(result.Stack.Cloud.IsLocal);
        Assert.Empty(result.Stack.Tenants);
        var warning = ConfigFixture.AssertAt(result, "PRV032", 5, 3);
        Assert.Equal(Severity.Warning, warning.Level);
    }

    [Fact]
    public void The_backend_url_of_the_project_file_is_carried_to_the_stack()
    {
        var result = ConfigFixture.ParseStack(
            """
            config:
              tenant-registrations:registrations:
                west: { subscriptionId: 11111111-1111-1111-1111-111111111111, name: azurestack-west }
              tenant-registrations:tenants: {}
            """,
            """
            name: tenant-registrations
            runtime: { name: dotnet, options: { binary: x } }
            backend:
              url: azblob://state
            config:
              azure-native:location: westeurope
            """);

        Assert.Equal("azblob://state", result.Stack!.BackendUrl);
        Assert.Same(CloudSpec.AzureCloud, result.Stack.Cloud);
    }
}
