namespace Provisioning.Tests.Config;

public sealed class GoldenDiagnosticsTests
{
    [Fact]
    public void A_stack_file_with_many_mistakes_reports_every_one_in_file_order()
    {
        var result = ConfigFixture.ParseStack("""
            config:
              tenant-registrations:cloud: AzureClod
              tenant-registrations:registrations:
                west: { subscriptionId: 11111111-1111-1111-1111-11111111111, name: azurestack-west }
                east: { subscriptionId: 22222222-2222-2222-2222-222222222222, resourceGroup: stamps., name: azurestack-east }
              tenant-registrations:tenants:
                contoso:
                  tenantId: aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa
                  subscriptionId: cccccccc-cccc-cccc-cccc-cccccccccccc
                  registrations: [west, eats]
                  protect: maybe
                fabrikam:
                  tenantId: bbbbbbbb-bbbb-bbbb-bbbb-bbbbbbbbbbbb
                  subscriptionId: cccccccc-cccc-cccc-cccc-cccccccccccc
                  registration: [east]
            """);

        Assert.Equal(
            """
            Pulumi.local.yaml(2,31): error PRV017: The cloud 'AzureClod' is not known: use AzureCloud, AzureChinaCloud, AzureUSGovernment, local or an https:// ARM endpoint. Did you mean 'AzureCloud'?
            Pulumi.local.yaml(4,29): error PRV016: 'subscriptionId' must be a GUID of 36 characters like 6513270e-269e-4d37-b2a7-4de452e6b438 (hex digits and '-', no braces), not '11111111-1111-1111-1111-11111111111'.
            Pulumi.local.yaml(5,82): error PRV023: The resource group 'stamps.' is not valid: it must not end with '.'.
            Pulumi.local.yaml(10,29): error PRV025: Tenant 'contoso' refers to the registration 'eats', which is not declared. Did you mean 'east'?
            Pulumi.local.yaml(11,16): error PRV021: 'protect' must be true or false, not 'maybe'.
            Pulumi.local.yaml(12,5): error PRV008: Tenant 'fabrikam' has no 'registrations'; it is required.
            Pulumi.local.yaml(15,7): error PRV009: Tenant 'fabrikam' has an unknown field 'registration'. Did you mean 'registrations'?
            """,
            string.Join("\n", result.Diagnostics));
        Assert.All(result.Diagnostics, d => Assert.True(d.Span.Line > 0 && d.Span.Column > 0));
        Assert.Null(result.Stack);
    }

    [Fact]
    public void The_overwrite_trap_prints_as_a_golden_line()
    {
        var result = ConfigFixture.ParseStack("""
            config:
              tenant-registrations:registrations:
                west: { subscriptionId: 11111111-1111-1111-1111-111111111111, name: azurestack-west }
              tenant-registrations:tenants:
                contoso: { tenantId: aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa, subscriptionId: cccccccc-cccc-cccc-cccc-cccccccccccc, registrations: [west] }
                contoso-dev:
                  tenantId: aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa
                  registrations:
                    - { registration: west, subscriptionId: dddddddd-dddd-dddd-dddd-dddddddddddd }
            """);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(
            "Pulumi.local.yaml(9,11): error PRV027: Tenant id aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa is mapped on registration 'west' to subscription cccccccc-cccc-cccc-cccc-cccccccccccc (tenant 'contoso') and to dddddddd-dddd-dddd-dddd-dddddddddddd; the service would silently replace the first. Keep one subscription per tenant per registration.",
            diagnostic.ToString());
    }
}
