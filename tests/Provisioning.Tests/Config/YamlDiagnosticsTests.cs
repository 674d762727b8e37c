using Provisioning.Diagnostics;
using Provisioning.Config;

namespace Provisioning.Tests.Config;

public sealed class YamlDiagnosticsTests
{
    [Fact]
    public void A_yaml_syntax_error_is_reported_with_the_parsers_line_and_column()
    {
        var result = ConfigFixture.ParseStack("""
            config:
              tenant-registrations:tenants: [west
              tenant-registrations:cloud: AzureCloud
            """);

        var diagnostic = Single(result, "PRV005");
        Assert.Equal(ConfigFixture.StackFile, diagnostic.Span.File);
        Assert.True(diagnostic.Span.Line >= 2, diagnostic.ToString());
        Assert.True(diagnostic.Span.Column >= 1, diagnostic.ToString());
        Assert.DoesNotContain("Idx:", diagnostic.Message, StringComparison.Ordinal);
        Assert.Null(result.Stack);
    }

    [Fact]
    public void An_unclosed_quote_points_at_the_quote()
    {
        var result = ConfigFixture.ParseStack("""
            config:
              tenant-registrations:cloud: "AzureCloud
              tenant-registrations:tenants: {}
            """);

        ConfigFixture.AssertAt(result, "PRV005", 2, 31);
    }

    [Fact]
    public void A_second_colon_in_a_plain_value_points_at_the_colon()
    {
        var result = ConfigFixture.ParseStack("""
            config:
              tenant-registrations:cloud: Azure: Cloud
            """);

        ConfigFixture.AssertAt(result, "PRV005", 2, 36);
    }

    [Fact]
    public void Every_duplicate_key_is_reported_not_only_the_first()
    {
        var result = ConfigFixture.ParseStack("""
            config:
              tenant-registrations:registrations:
                west: { subscriptionId: 11111111-1111-1111-1111-111111111111, name: a }
                west: { subscriptionId: 22222222-2222-2222-2222-222222222222, name: b }
              tenant-registrations:tenants:
                contoso:
                  tenantId: aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa
                  tenantId: bbbbbbbb-bbbb-bbbb-bbbb-bbbbbbbbbbbb
                  subscriptionId: cccccccc-cccc-cccc-cccc-cccccccccccc
                  registrations: [west]
            """);

        var duplicates = result.Diagnostics.Where(d => d.Code == "PRV006").ToList();
        Assert.Equal([new SourceSpan(ConfigFixture.StackFile, 4, 5), new SourceSpan(ConfigFixture.StackFile, 8, 7)], duplicates.Select(d => d.Span));
        Assert.Contains("line 3", duplicates[0].Message, StringComparison.Ordinal);
        Assert.Null(result.Stack);
    }

    [Fact]
    public void A_scalar_where_a_mapping_is_expected_is_a_wrong_node_type()
    {
        var result = ConfigFixture.ParseStack("""
            config:
              tenant-registrations:registrations:
                west: azurestack-west
              tenant-registrations:tenants: {}
            """);

        var diagnostic = ConfigFixture.AssertAt(result, "PRV007", 3, 11);
        Assert.Contains("must be a mapping", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mapping_where_a_list_is_expected_is_a_wrong_node_type()
    {
        var result = ConfigFixture.ParseStack("""
            config:
              tenant-registrations:registrations:
                west: { subscriptionId: 11111111-1111-1111-1111-111111111111, name: a }
              tenant-registrations:tenants:
                contoso:
                  tenantId: aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa
                  subscriptionId: cccccccc-cccc-cccc-cccc-cccccccccccc
                  registrations: { west: true }
            """);

        ConfigFixture.AssertAt(result, "PRV007", 8, 22);
    }

    [Fact]
    public void A_second_yaml_document_is_refused()
    {
        var result = ConfigFixture.ParseStack("config: {}\n---\nconfig: {}\n");

        ConfigFixture.AssertAt(result, "PRV034", 2, 1);
    }

    [Fact]
    public void An_alias_is_read_as_the_node_it_names()
    {
        var result = ConfigFixture.ParseStack("""
            config:
              tenant-registrations:registrations:
                west: &stamp { subscriptionId: 11111111-1111-1111-1111-111111111111, name: azurestack-west }
              tenant-registrations:tenants:
                contoso:
                  tenantId: aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa
                  subscriptionId: cccccccc-cccc-cccc-cccc-cccccccccccc
                  registrations: [west]
                other: *stamp
            """);

        ConfigFixture.AssertAt(result, "PRV009", 3, 74);
    }

    private static Diagnostic Single(StackLoadResult result, string code) => ConfigFixture.Single(result, code);
}
