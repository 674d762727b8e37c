using System.Text;

namespace Provisioning.Tests.Config;

/// <summary>Principles 2 and 7: YAML-level rules (tags, aliases, depth) and no crash or flood on any text.</summary>
public sealed class YamlSafetyTests
{
    private const string Sections = """
          tenant-registrations:registrations:
            west: { subscriptionId: 11111111-1111-1111-1111-111111111111, name: azurestack-west }
          tenant-registrations:tenants:
            contoso:
              tenantId: aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa
              subscriptionId: cccccccc-cccc-cccc-cccc-cccccccccccc
              registrations: [west]
        """;

    [Theory]
    [InlineData("!Ref", "!Ref")]
    [InlineData("!!binary", "!!binary")]
    [InlineData("!!int", "!!int")]
    [InlineData("!!bool", "!!bool")]
    [InlineData("!<tag:example.com,2024:guid>", "tag:example.com,2024:guid")]
    public void A_tag_other_than_the_core_ones_is_refused_not_dropped(string tag, string shown)
    {
        var result = ConfigFixture.ParseStack("config:\n" + Sections.Replace("tenantId: aaaa", $"tenantId: {tag} aaaa", StringComparison.Ordinal));

        var diagnostic = ConfigFixture.AssertAt(result, "PRV037", 6, 17);
        Assert.Contains($"'{shown}'", diagnostic.Message, StringComparison.Ordinal);
        Assert.Null(result.Stack);
    }

    [Fact]
    public void A_tag_on_a_mapping_or_a_list_is_refused_too()
    {
        var result = ConfigFixture.ParseStack("config:\n" + Sections.Replace("registrations: [west]", "registrations: !!set [west]", StringComparison.Ordinal).Replace("    contoso:", "    contoso: !Tenant", StringComparison.Ordinal));

        Assert.Equal(2, result.Diagnostics.Count(d => d.Code == "PRV037"));
    }

    [Theory]
    [InlineData("!!str")]
    [InlineData("!")]
    public void The_string_tags_are_accepted(string tag)
    {
        var result = ConfigFixture.ParseStack("config:\n" + Sections.Replace("tenantId: aaaa", $"tenantId: {tag} aaaa", StringComparison.Ordinal));

        Assert.False(result.HasErrors, string.Join(Environment.NewLine, result.Diagnostics));
    }

    [Fact]
    public void Anchors_and_aliases_are_resolved_by_sharing_the_node()
    {
        var result = ConfigFixture.ParseStack("config:\n" + Sections.Replace("registrations: [west]", "registrations: &regs [west]", StringComparison.Ordinal) + """

                fabrikam:
                  tenantId: bbbbbbbb-bbbb-bbbb-bbbb-bbbbbbbbbbbb
                  subscriptionId: dddddddd-dddd-dddd-dddd-dddddddddddd
                  registrations: *regs
            """);

        Assert.False(result.HasErrors, string.Join(Environment.NewLine, result.Diagnostics));
        Assert.Equal("west", Assert.Single(result.Stack!.Tenants[1].Mappings).RegistrationKey);
    }

    [Fact]
    public void A_billion_laughs_is_stopped_by_the_alias_budget_quickly()
    {
        var text = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 10; i++)
        {
            text.Append($"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]\n");
        }

        var result = ConfigFixture.ParseStack(text.ToString());

        ConfigFixture.Single(result, "PRV038");
    }

    [Theory]
    [InlineData('[', ']')]
    [InlineData('{', '}')]
    public void A_hundred_thousand_nested_brackets_stop_at_the_depth_limit_without_overflowing(char open, char close)
    {
        var text = "config:\n  tenant-registrations:cloud: " + new string(open, 100_000) + new string(close, 100_000) + "\n";

        var result = ConfigFixture.ParseStack(text);

        var diagnostic = ConfigFixture.Single(result, "PRV039");
        Assert.Equal(2, diagnostic.Span.Line);
    }

    [Fact]
    public void Deep_block_nesting_stops_at_the_depth_limit()
    {
        var text = new StringBuilder("config:\n");
        for (var d = 0; d < 200; d++)
        {
            text.Append(' ', 2 + d).Append('k').Append(d).Append(":\n");
        }

        ConfigFixture.Single(ConfigFixture.ParseStack(text.ToString()), "PRV039");
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n# and another\n")]
    [InlineData("---\n")]
    [InlineData("~\n")]
    public void An_empty_or_comments_only_stack_file_is_refused_with_one_clear_error(string text)
    {
        var result = ConfigFixture.ParseStack(text);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("PRV042", diagnostic.Code);
        Assert.Null(result.Stack);
    }

    [Fact]
    public void A_ten_megabyte_value_is_never_echoed_whole()
    {
        var huge = new string('e', 10_000_000);
        var result = ConfigFixture.ParseStack("config:\n" + Sections.Replace("name: azurestack-west", $"name: azurestack-{huge}", StringComparison.Ordinal).Replace("tenantId: aaaa", $"tenantId: {huge}aaaa", StringComparison.Ordinal));

        Assert.True(result.HasErrors);
        Assert.All(result.Diagnostics, d => Assert.True(d.Message.Length < 600, d.Message[..Math.Min(600, d.Message.Length)]));
        Assert.Contains(result.Diagnostics, d => d.Message.Contains('…', StringComparison.Ordinal));
    }

    [Fact]
    public void A_ten_megabyte_key_is_never_echoed_whole()
    {
        var result = ConfigFixture.ParseStack("config:\n  ? tenant-registrations:" + new string('k', 10_000_000) + "\n  : x\n" + Sections);

        var diagnostic = ConfigFixture.Single(result, "PRV015");
        Assert.True(diagnostic.Message.Length < 600);
    }

    [Fact]
    public void An_aliased_mistake_is_reported_once()
    {
        var result = ConfigFixture.ParseStack("config:\n" + Sections.Replace("registrations: [west]", "registrations: [west]\n      protect: &p maybe\n      retainOnDelete: *p", StringComparison.Ordinal));

        Assert.Equal(2, result.Diagnostics.Count(d => d.Code == "PRV021"));
        Assert.Equal(result.Diagnostics.Count, result.Diagnostics.Distinct().Count());
    }
}
