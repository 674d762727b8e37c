namespace Provisioning.Tests.Config;

public sealed class DomainRuleDiagnosticsTests
{
    private const string TwoRegistrations = """
        config:
          tenant-registrations:registrations:
            west: { subscriptionId: 11111111-1111-1111-1111-111111111111, name: azurestack-west }
            east: { subscriptionId: 22222222-2222-2222-2222-222222222222, name: azurestack-east }
          tenant-registrations:tenants:

        """;

    [Fact]
    public void An_unknown_registration_reference_is_reported_with_a_suggestion()
    {
        var result = ConfigFixture.ParseStack(TwoRegistrations + """
                contoso:
                  tenantId: aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa
                  subscriptionId: cccccccc-cccc-cccc-cccc-cccccccccccc
                  registrations: [west, esat]
            """);

        var diagnostic = ConfigFixture.AssertAt(result, "PRV025", 9, 29);
        Assert.EndsWith("Did you mean 'east'?", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tenant_listing_the_same_registration_twice_is_refused()
    {
        var result = ConfigFixture.ParseStack(TwoRegistrations + """
                contoso:
                  tenantId: aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa
                  subscriptionId: cccccccc-cccc-cccc-cccc-cccccccccccc
                  registrations:
                    - west
                    - { registration: west, subscriptionId: dddddddd-dddd-dddd-dddd-dddddddddddd }
            """);

        ConfigFixture.AssertAt(result, "PRV026", 11, 11);
    }

    [Fact]
    public void Two_subscriptions_for_one_tenant_id_on_one_registration_is_the_overwrite_trap()
    {
        var result = ConfigFixture.ParseStack(TwoRegistrations + """
                contoso:
                  tenantId: aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa
                  subscriptionId: cccccccc-cccc-cccc-cccc-cccccccccccc
                  registrations: [west, east]
                contoso-dev:
                  tenantId: AAAAAAAA-AAAA-AAAA-AAAA-AAAAAAAAAAAA
                  subscriptionId: dddddddd-dddd-dddd-dddd-dddddddddddd
                  registrations: [east]
            """);

        var diagnostic = ConfigFixture.AssertAt(result, "PRV027", 13, 23);
        Assert.Contains("registration 'east'", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("silently replace", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void One_subscription_claimed_by_two_tenants_on_one_registration_is_refused()
    {
        var result = ConfigFixture.ParseStack(TwoRegistrations + """
                contoso:
                  tenantId: aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa
                  subscriptionId: cccccccc-cccc-cccc-cccc-cccccccccccc
                  registrations: [west]
                fabrikam:
                  tenantId: bbbbbbbb-bbbb-bbbb-bbbb-bbbbbbbbbbbb
                  subscriptionId: CCCCCCCC-CCCC-CCCC-CCCC-CCCCCCCCCCCC
                  registrations: [east, west]
            """);

        var diagnostic = ConfigFixture.AssertAt(result, "PRV028", 13, 29);
        Assert.Contains("'contoso'", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("'fabrikam'", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_mapping_declared_twice_is_refused()
    {
        var result = ConfigFixture.ParseStack(TwoRegistrations + """
                contoso:
                  tenantId: aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa
                  subscriptionId: cccccccc-cccc-cccc-cccc-cccccccccccc
                  registrations: [west]
                contoso-again:
                  tenantId: aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa
                  subscriptionId: cccccccc-cccc-cccc-cccc-cccccccccccc
                  registrations: [west]
            """);

        ConfigFixture.AssertAt(result, "PRV029", 13, 23);
    }

    [Fact]
    public void Two_keys_for_the_same_arm_registration_are_refused()
    {
        var result = ConfigFixture.ParseStack("""
            config:
              tenant-registrations:registrations:
                west: { subscriptionId: 11111111-1111-1111-1111-111111111111, name: azurestack-west }
                west2: { subscriptionId: 11111111-1111-1111-1111-111111111111, resourceGroup: AzureStack, name: AZURESTACK-WEST }
              tenant-registrations:tenants: {}
            """);

        var diagnostic = ConfigFixture.AssertAt(result, "PRV030", 4, 5);
        Assert.Contains("'west'", diagnostic.Message, StringComparison.Ordinal);
    }
}
