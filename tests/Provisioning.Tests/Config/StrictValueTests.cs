namespace Provisioning.Tests.Config;

/// <summary>Principle 1: a value is used exactly as validated; every scalar becomes a value through one strict accessor.</summary>
public sealed class StrictValueTests
{
    private const string Guid = "6b0d549b-6f03-475a-9600-a35a099950d8";

    private static string Stack(string tenantId, string name = "azurestack-west", string registrationRef = "west") => $$"""
        config:
          tenant-registrations:registrations:
            west: { subscriptionId: 11111111-1111-1111-1111-111111111111, name: {{name}} }
          tenant-registrations:tenants:
            contoso:
              tenantId: {{tenantId}}
              subscriptionId: cccccccc-cccc-cccc-cccc-cccccccccccc
              registrations: [{{registrationRef}}]
        """;

    [Theory]
    [InlineData($"\" {Guid}\"", "a space")]
    [InlineData($"\"{Guid} \"", "a space")]
    [InlineData($"\"{Guid}\\n\"", "a line break")]
    [InlineData($"\"{Guid}\\t\"", "a tab")]
    [InlineData($"\"{Guid}\\r\"", "a carriage return")]
    [InlineData($"\"{Guid}\\0\"", "U+0000")]
    [InlineData($"\"6b0d549b\\u00a06f03-475a-9600-a35a099950d8\"", "no-break space")]
    [InlineData($"\"\\ufeff{Guid}\"", "byte order mark")]
    [InlineData($"\"{Guid}\\u200b\"", "U+200B")]
    [InlineData($"\"{Guid}\\u2028\"", "U+2028")]
    public void A_guid_with_whitespace_or_an_invisible_character_is_refused_and_the_character_named(string value, string named)
    {
        var result = ConfigFixture.ParseStack(Stack(value));

        var diagnostic = ConfigFixture.AssertAt(result, "PRV035", 6, 17);
        Assert.Contains(named, diagnostic.Message, StringComparison.Ordinal);
        Assert.Null(result.Stack);
    }

    [Fact]
    public void A_block_scalar_keeps_its_final_line_break_and_is_refused_with_the_reason()
    {
        var result = ConfigFixture.ParseStack(Stack($"|\n        {Guid}"));

        var diagnostic = ConfigFixture.Single(result, "PRV035");
        Assert.Contains("block scalar", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folded_block_scalar_with_strip_chomping_is_exactly_the_guid_and_accepted()
    {
        var result = ConfigFixture.ParseStack(Stack($">-\n        {Guid}"));

        Assert.False(result.HasErrors, string.Join(Environment.NewLine, result.Diagnostics));
        Assert.Equal(Guid, result.Stack!.Tenants[0].TenantId);
    }

    [Theory]
    [InlineData("{6b0d549b-6f03-475a-9600-a35a099950d8}")]
    [InlineData("(6b0d549b-6f03-475a-9600-a35a099950d8)")]
    [InlineData("6b0d549b6f03475a9600a35a099950d8")]
    [InlineData("6b0d549b\u20106f03-475a-9600-a35a099950d8")]
    [InlineData("6b0d549b\u22126f03-475a-9600-a35a099950d8")]
    [InlineData("６b0d549b-6f03-475a-9600-a35a099950d8")]
    public void A_guid_in_another_form_or_with_a_lookalike_character_is_not_a_guid(string value)
    {
        var result = ConfigFixture.ParseStack(Stack($"\"{value}\""));

        var diagnostic = ConfigFixture.Single(result, "PRV016");
        if (value.Any(c => c > '\u007f'))
        {
            Assert.Contains("not an ASCII hex digit", diagnostic.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_nil_guid_is_refused()
    {
        var result = ConfigFixture.ParseStack(Stack("00000000-0000-0000-0000-000000000000"));

        ConfigFixture.AssertAt(result, "PRV036", 6, 17);
        Assert.Null(result.Stack);
    }

    [Fact]
    public void An_upper_case_guid_is_accepted_and_lowered_once_where_it_is_read()
    {
        var result = ConfigFixture.ParseStack(Stack(Guid.ToUpperInvariant()).Replace("11111111-1111-1111-1111-111111111111", "ABCDEF12-1111-1111-1111-111111111111", StringComparison.Ordinal));

        Assert.False(result.HasErrors, string.Join(Environment.NewLine, result.Diagnostics));
        Assert.Equal(Guid, result.Stack!.Tenants[0].TenantId);
        Assert.Equal("abcdef12-1111-1111-1111-111111111111", result.Stack.Registrations[0].SubscriptionId);
    }

    [Theory]
    [InlineData("\"azurestack west\"", "PRV024")]
    [InlineData("\"azurestack-west \"", "PRV035")]
    [InlineData("\"azurestack-west\\u00a0\"", "PRV035")]
    [InlineData("\"azurestack\\twest\"", "PRV035")]
    public void A_registration_name_with_whitespace_is_refused(string name, string code)
    {
        var result = ConfigFixture.ParseStack(Stack(Guid, name));

        ConfigFixture.Single(result, code);
        Assert.Null(result.Stack);
    }

    [Theory]
    [InlineData("\"west \"", "PRV035")]
    [InlineData("\"west\\n\"", "PRV035")]
    [InlineData("West", "PRV025")]
    public void A_registration_reference_is_a_strict_value_too(string reference, string code)
    {
        var result = ConfigFixture.ParseStack(Stack(Guid, registrationRef: reference));

        ConfigFixture.Single(result, code);
    }

    [Theory]
    [InlineData("\"west\\n\"")]
    [InlineData("\"we st\"")]
    [InlineData("\"west\\u00a0\"")]
    public void A_registration_key_with_a_line_break_or_a_space_is_not_a_valid_name(string key)
    {
        var result = ConfigFixture.ParseStack(Stack(Guid).Replace("    west: {", $"    {key}: {{", StringComparison.Ordinal));

        ConfigFixture.Single(result, "PRV022");
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("True", true)]
    [InlineData("TRUE", true)]
    [InlineData("\"false\"", false)]
    public void Booleans_follow_the_yaml_1_2_core_schema(string value, bool expected)
    {
        var result = ConfigFixture.ParseStack(Stack(Guid) + $"\n      protect: {value}\n");

        Assert.False(result.HasErrors, string.Join(Environment.NewLine, result.Diagnostics));
        Assert.Equal(expected, result.Stack!.Tenants[0].Protect);
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("no")]
    [InlineData("on")]
    [InlineData("Off")]
    [InlineData("y")]
    public void Yaml_1_1_booleans_are_text_and_refused_with_the_reason(string value)
    {
        var result = ConfigFixture.ParseStack(Stack(Guid) + $"\n      protect: {value}\n");

        var diagnostic = ConfigFixture.Single(result, "PRV021");
        Assert.Contains("YAML 1.2", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cloud_with_a_trailing_line_break_is_refused_not_taken_for_another_cloud()
    {
        var result = ConfigFixture.ParseStack("config:\n  tenant-registrations:cloud: \"AzureCloud\\n\"\n" + Stack(Guid)["config:\n".Length..]);

        ConfigFixture.AssertAt(result, "PRV035", 2, 31);
    }

    [Fact]
    public void A_crlf_file_reads_like_an_lf_file()
    {
        var result = ConfigFixture.ParseStack(Stack(Guid).ReplaceLineEndings("\r\n"));

        Assert.False(result.HasErrors, string.Join(Environment.NewLine, result.Diagnostics));
        Assert.Equal(Guid, result.Stack!.Tenants[0].TenantId);
    }
}
