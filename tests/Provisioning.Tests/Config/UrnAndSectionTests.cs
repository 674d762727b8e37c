using Provisioning.Diagnostics;

namespace Provisioning.Tests.Config;

/// <summary>Principles 3 and 6: one resource per URN; a missing or null section is an error, an explicit <c>{}</c> is not.</summary>
public sealed class UrnAndSectionTests
{
    private const string Registrations = """
        config:
          tenant-registrations:registrations:
            a-b: { subscriptionId: 11111111-1111-1111-1111-111111111111, name: azurestack-ab }
            a: { subscriptionId: 11111111-1111-1111-1111-111111111111, name: azurestack-a }
        """;

    [Fact]
    public void Keys_whose_joined_names_collide_are_refused_naming_both_places()
    {
        var result = ConfigFixture.ParseStack(Registrations + """

              tenant-registrations:tenants:
                c:
                  tenantId: aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa
                  subscriptionId: cccccccc-cccc-cccc-cccc-cccccccccccc
                  registrations: [a-b]
                b-c:
                  tenantId: bbbbbbbb-bbbb-bbbb-bbbb-bbbbbbbbbbbb
                  subscriptionId: dddddddd-dddd-dddd-dddd-dddddddddddd
                  registrations: [a]
            """);

        var diagnostic = ConfigFixture.AssertAt(result, "PRV040", 13, 23);
        Assert.Equal("Tenant 'b-c' on registration 'a' gets the resource name 'a-b-c', already given to tenant 'c' on registration 'a-b' on line 9; every URN must be unique, ignoring case: rename one of the keys.", diagnostic.Message);
        Assert.Null(result.Stack);
    }

    [Fact]
    public void Names_that_differ_only_in_case_collide_too()
    {
        var result = ConfigFixture.ParseStack(Registrations + """

              tenant-registrations:tenants:
                Contoso: { tenantId: aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa, subscriptionId: cccccccc-cccc-cccc-cccc-cccccccccccc, registrations: [a] }
                contoso: { tenantId: bbbbbbbb-bbbb-bbbb-bbbb-bbbbbbbbbbbb, subscriptionId: dddddddd-dddd-dddd-dddd-dddddddddddd, registrations: [a] }
            """);

        ConfigFixture.Single(result, "PRV040");
    }

    [Fact]
    public void Registration_keys_that_differ_only_in_case_collide()
    {
        var result = ConfigFixture.ParseStack("""
            config:
              tenant-registrations:registrations:
                west: { subscriptionId: 11111111-1111-1111-1111-111111111111, name: azurestack-a }
                West: { subscriptionId: 11111111-1111-1111-1111-111111111111, name: azurestack-b }
              tenant-registrations:tenants: {}
            """);

        ConfigFixture.AssertAt(result, "PRV040", 4, 5);
    }

    [Theory]
    [InlineData("  tenant-registrations:tenants:\n", 5, 3)]
    [InlineData("  tenant-registrations:tenants: ~\n", 5, 3)]
    [InlineData("  tenant-registrations:tenants: null\n", 5, 3)]
    [InlineData("", 1, 1)]
    public void Missing_or_null_tenants_is_an_error_so_that_a_cut_file_never_deletes_everything(string tenants, int line, int column)
    {
        var result = ConfigFixture.ParseStack(Registrations + "\n" + tenants);

        var diagnostic = ConfigFixture.AssertAt(result, "PRV041", line, column);
        Assert.Equal(Severity.Error, diagnostic.Level);
        Assert.Contains("tenant-registrations:tenants: {}", diagnostic.Message, StringComparison.Ordinal);
        Assert.Null(result.Stack);
    }

    [Fact]
    public void Missing_registrations_is_an_error_too()
    {
        var result = ConfigFixture.ParseStack("config:\n  tenant-registrations:registrations:\n  tenant-registrations:tenants: {}\n");

        ConfigFixture.AssertAt(result, "PRV041", 2, 3);
        Assert.Null(result.Stack);
    }

    [Fact]
    public void An_explicit_empty_tenants_mapping_is_legal()
    {
        var result = ConfigFixture.ParseStack(Registrations + "\n  tenant-registrations:tenants: {}\n");

        Assert.False(result.HasErrors);
        Assert.Equal(["PRV032"], result.Diagnostics.Select(d => d.Code));
        Assert.Empty(result.Stack!.Tenants);
    }

    [Fact]
    public void Stack_keys_of_a_renamed_project_are_refused_naming_both_names()
    {
        var result = ConfigFixture.ParseStack(
            "config:\n  tenant-registrations:registrations: {}\n  tenant-registrations:tenants: {}\n",
            "name: billing\nruntime: dotnet\n");

        var diagnostics = result.Diagnostics.Where(d => d.Code == "PRV043").ToList();
        Assert.Equal(2, diagnostics.Count);
        Assert.Contains("'tenant-registrations'", diagnostics[0].Message, StringComparison.Ordinal);
        Assert.Contains("Pulumi.yaml(1,7) names the project 'billing'", diagnostics[0].Message, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "PRV041");
        Assert.Null(result.Stack);
    }

    [Fact]
    public void A_stack_file_importing_an_esc_environment_is_refused_rather_than_read_without_its_values()
    {
        var result = ConfigFixture.ParseStack("environment:\n  - prod-settings\n" + Registrations + "\n  tenant-registrations:tenants: {}\n");

        ConfigFixture.AssertAt(result, "PRV047", 1, 1);
        Assert.Null(result.Stack);
    }
}
