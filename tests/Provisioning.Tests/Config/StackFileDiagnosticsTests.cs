using Provisioning.Diagnostics;

namespace Provisioning.Tests.Config;

public sealed class StackFileDiagnosticsTests
{
    [Fact]
    public void A_registration_without_a_name_is_reported_at_its_key()
    {
        var result = ConfigFixture.ParseStack("""
            config:
              tenant-registrations:registrations:
                west: { subscriptionId: 11111111-1111-1111-1111-111111111111 }
              tenant-registrations:tenants: {}
            """);

        var diagnostic = ConfigFixture.AssertAt(result, "PRV008", 3, 5);
        Assert.Equal("Registration 'west' has no 'name'; it is required.", diagnostic.Message);
        Assert.Null(result.Stack);
    }

    [Fact]
    public void A_field_without_a_value_is_reported_at_the_field()
    {
        var result = ConfigFixture.ParseStack("""
            config:
              tenant-registrations:registrations:
                west:
                  subscriptionId: 11111111-1111-1111-1111-111111111111
                  name:
              tenant-registrations:tenants: {}
            """);

        ConfigFixture.AssertAt(result, "PRV008", 5, 7);
    }

    [Fact]
    public void An_unknown_field_is_reported_with_a_suggestion()
    {
        var result = ConfigFixture.ParseStack("""
            config:
              tenant-registrations:registrations:
                west: { subscriptionId: 11111111-1111-1111-1111-111111111111, name: azurestack-west }
              tenant-registrations:tenants:
                contoso:
                  tenantId: aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa
                  subscriptionID: cccccccc-cccc-cccc-cccc-cccccccccccc
                  registrations: [west]
            """);

        var diagnostic = ConfigFixture.AssertAt(result, "PRV009", 7, 7);
        Assert.EndsWith("Did you mean 'subscriptionId'?", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("    west: { subscriptionId: not-a-guid, name: azurestack-west }", "    contoso: { tenantId: aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa, subscriptionId: cccccccc-cccc-cccc-cccc-cccccccccccc, registrations: [west] }", 3, 29)]
    [InlineData("    west: { subscriptionId: 11111111-1111-1111-1111-111111111111, name: azurestack-west }", "    contoso: { tenantId: '{aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa}', subscriptionId: cccccccc-cccc-cccc-cccc-cccccccccccc, registrations: [west] }", 5, 26)]
    [InlineData("    west: { subscriptionId: 11111111-1111-1111-1111-111111111111, name: azurestack-west }", "    contoso: { tenantId: aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa, subscriptionId: 42, registrations: [west] }", 5, 80)]
    [InlineData("    west: { subscriptionId: 11111111-1111-1111-1111-111111111111, name: azurestack-west }", "    contoso: { tenantId: aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa, registrations: [{ registration: west, subscriptionId: cccc }] }", 5, 118)]
    public void A_value_that_must_be_a_guid_and_is_not_is_reported_at_the_value(string registration, string tenant, int line, int column)
    {
        var result = ConfigFixture.ParseStack($$"""
            config:
              tenant-registrations:registrations:
            {{registration}}
              tenant-registrations:tenants:
            {{tenant}}
            """);

        ConfigFixture.AssertAt(result, "PRV016", line, column);
    }

    [Theory]
    [InlineData("azurestack.", "it must not end with '.'.")]
    [InlineData("rg:west", "it must not contain ':'")]
    [InlineData("", "it must not be empty.")]
    [InlineData("azure stack", "it must not contain ' '")]
    [InlineData("a*b", "it must not contain '*'")]
    [InlineData("a#b", "it must not contain '#'")]
    public void A_bad_resource_group_is_reported_at_the_value(string resourceGroup, string reason)
    {
        var result = ConfigFixture.ParseStack($$"""
            config:
              tenant-registrations:registrations:
                west: { subscriptionId: 11111111-1111-1111-1111-111111111111, resourceGroup: "{{resourceGroup}}", name: azurestack-west }
              tenant-registrations:tenants: {}
            """);

        var diagnostic = ConfigFixture.AssertAt(result, "PRV023", 3, 82);
        Assert.Contains(reason, diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rg-West_01")]
    [InlineData("(prod).stamps")]
    [InlineData("ressources-é")]
    public void A_resource_group_of_letters_digits_and_the_allowed_punctuation_is_accepted(string resourceGroup)
    {
        var result = ConfigFixture.ParseStack($$"""
            config:
              tenant-registrations:registrations:
                west: { subscriptionId: 11111111-1111-1111-1111-111111111111, resourceGroup: "{{resourceGroup}}", name: azurestack-west }
              tenant-registrations:tenants: {}
            """);

        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "PRV023");
    }

    [Fact]
    public void A_resource_group_longer_than_90_characters_is_refused()
    {
        var result = ConfigFixture.ParseStack($$"""
            config:
              tenant-registrations:registrations:
                west:
                  subscriptionId: 11111111-1111-1111-1111-111111111111
                  resourceGroup: {{new string('r', 91)}}
                  name: azurestack-west
              tenant-registrations:tenants: {}
            """);

        ConfigFixture.AssertAt(result, "PRV023", 5, 22);
    }

    [Theory]
    [InlineData("azure/stack", "'/'")]
    [InlineData("azure%stack", "'%'")]
    [InlineData("azure stack", "spaces")]
    public void A_bad_registration_name_is_reported_at_the_value(string name, string reason)
    {
        var result = ConfigFixture.ParseStack($$"""
            config:
              tenant-registrations:registrations:
                west: { subscriptionId: 11111111-1111-1111-1111-111111111111, name: "{{name}}" }
              tenant-registrations:tenants: {}
            """);

        var diagnostic = ConfigFixture.AssertAt(result, "PRV024", 3, 73);
        Assert.Contains(reason, diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_registration_key_that_cannot_name_a_resource_is_refused()
    {
        var result = ConfigFixture.ParseStack("""
            config:
              tenant-registrations:registrations:
                west stamp: { subscriptionId: 11111111-1111-1111-1111-111111111111, name: azurestack-west }
              tenant-registrations:tenants: {}
            """);

        ConfigFixture.AssertAt(result, "PRV022", 3, 5);
    }

    [Fact]
    public void A_tenant_without_a_subscription_for_a_registration_is_reported_at_the_item()
    {
        var result = ConfigFixture.ParseStack("""
            config:
              tenant-registrations:registrations:
                west: { subscriptionId: 11111111-1111-1111-1111-111111111111, name: azurestack-west }
              tenant-registrations:tenants:
                contoso:
                  tenantId: aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa
                  registrations: [west]
            """);

        var diagnostic = ConfigFixture.AssertAt(result, "PRV008", 7, 23);
        Assert.Contains("tenant 'contoso' to registration 'west'", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("1")]
    public void Protect_must_be_a_boolean(string value)
    {
        var result = ConfigFixture.ParseStack($$"""
            config:
              tenant-registrations:registrations:
                west: { subscriptionId: 11111111-1111-1111-1111-111111111111, name: azurestack-west }
              tenant-registrations:tenants:
                contoso:
                  tenantId: aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa
                  subscriptionId: cccccccc-cccc-cccc-cccc-cccccccccccc
                  registrations: [west]
                  protect: {{value}}
                  retainOnDelete: [true]
            """);

        ConfigFixture.AssertAt(result, "PRV021", 9, 16);
        ConfigFixture.AssertAt(result, "PRV007", 10, 23);
    }

    [Fact]
    public void A_stack_file_without_registrations_and_tenants_is_refused_not_read_as_managing_nothing()
    {
        var result = ConfigFixture.ParseStack("""
            config:
              azure-native:location: westeurope
            """);

        Assert.Equal(["PRV041", "PRV041"], result.Diagnostics.Select(d => d.Code));
        Assert.All(result.Diagnostics, d => Assert.Equal(new SourceSpan(ConfigFixture.StackFile, 1, 1), d.Span));
        Assert.All(result.Diagnostics, d => Assert.Equal(Severity.Error, d.Level));
        Assert.Null(result.Stack);
    }

    [Fact]
    public void Explicitly_empty_registrations_and_tenants_are_legal_and_only_warn()
    {
        var result = ConfigFixture.ParseStack("""
            config:
              tenant-registrations:registrations: {}
              tenant-registrations:tenants: {}
            """);

        Assert.Equal(["PRV031", "PRV032"], result.Diagnostics.Select(d => d.Code));
        Assert.NotNull(result.Stack);
    }

    [Fact]
    public void A_tenant_listing_no_registrations_gets_a_warning()
    {
        var result = ConfigFixture.ParseStack("""
            config:
              tenant-registrations:registrations:
                west: { subscriptionId: 11111111-1111-1111-1111-111111111111, name: azurestack-west }
              tenant-registrations:tenants:
                contoso: { tenantId: aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa, registrations: [] }
            """);

        ConfigFixture.AssertAt(result, "PRV033", 5, 79);
        Assert.False(result.HasErrors);
    }

    [Fact]
    public void An_unknown_top_level_key_of_the_stack_file_is_a_warning()
    {
        var result = ConfigFixture.ParseStack("""
            confg:
              tenant-registrations:tenants: {}
            """);

        var diagnostic = ConfigFixture.AssertAt(result, "PRV010", 1, 1);
        Assert.Equal(Severity.Warning, diagnostic.Level);
        Assert.EndsWith("Did you mean 'config'?", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_stack_name_is_reported_against_the_command_line()
    {
        var result = ConfigFixture.ParseStack("config: {}", stack: "prod/eu");

        var diagnostic = ConfigFixture.Single(result, "PRV012");
        Assert.Equal(SourceSpan.CommandLine, diagnostic.Span);
        Assert.Null(result.Stack);
    }
}
