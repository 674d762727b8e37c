using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Provisioning.Diagnostics;
using Provisioning.Planning;
using Provisioning.State;

namespace Provisioning.Tests.Planning;

public sealed class SavedPlanSerializerTests
{
    private const string Id = "/subscriptions/a1a1a1a1-0000-4000-8000-000000000001/resourceGroups/AzureStack/providers/Microsoft.AzureStack/registrations/azurestack-WEST01/customerSubscriptions/e0e0e0e0-bbbb-4bbb-8bbb-0000000000f2";
    private const string Address = "urn:pulumi:dev::tenant-registrations::azure-native:azurestack:CustomerSubscription::west-fabrikam";

    private static readonly StateIdentity Dev = new("tenant-registrations", "dev");

    private static readonly SavedPlan Plan = new(
        SavedPlan.CurrentFormatVersion,
        "tenant-registrations",
        "dev",
        "up",
        new DateTimeOffset(2026, 11, 30, 9, 12, 0, TimeSpan.Zero),
        ["*::west-*"],
        Prune: false,
        Refresh: true,
        [new SavedStep("create", Address, Id, ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("tenantId", "22222222-bbbb-4bbb-8bbb-222222222222")]))],
        "abc123");

    [Fact]
    public void A_written_plan_reads_back_the_same_and_ends_with_its_checksum()
    {
        var text = SavedPlanSerializer.Write(Plan);

        var read = SavedPlanSerializer.Read(text, "plan.json", Dev);

        Assert.Equal((Plan.Project, Plan.Stack, Plan.ActualFingerprint, Plan.Refresh), (read.Project, read.Stack, read.ActualFingerprint, read.Refresh));
        Assert.Equal<string>(Plan.Targets, read.Targets);
        Assert.True(Assert.Single(read.Steps).SameAs(Plan.Steps[0]));
        Assert.Contains("\"format_version\": \"2.0\"", text, StringComparison.Ordinal);
        Assert.EndsWith("\"\n}\n", text, StringComparison.Ordinal);
        var at = text.LastIndexOf("\"checksum\"", StringComparison.Ordinal);
        Assert.Contains("sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text[..at]))), text[at..], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"stack\": \"dev\"", "\"stack\": \"prod\"")]
    [InlineData("\"project\": \"tenant-registrations\"", "\"project\": \"other\"")]
    [InlineData("\"prune\": false", "\"prune\": true")]
    [InlineData("\"create\"", "\"delete\"")]
    [InlineData("e0e0e0e0-bbbb", "f0f0f0f0-bbbb")]
    [InlineData("\"abc123\"", "\"abc124\"")]
    [InlineData("\"*::west-*\"", "\"*\"")]
    public void Every_field_is_covered_by_the_checksum(string from, string to)
    {
        var text = SavedPlanSerializer.Write(Plan);
        Assert.Contains(from, text, StringComparison.Ordinal);

        var e = Assert.Throws<DiagnosticException>(() => SavedPlanSerializer.Read(text.Replace(from, to, StringComparison.Ordinal), "plan.json", Dev));

        Assert.Equal(("PRV101", DiagnosticOrigin.Input), (e.Diagnostics[0].Code, e.Diagnostics[0].Origin));
    }

    [Fact]
    public void A_plan_of_another_stack_is_refused_naming_both()
    {
        var text = SavedPlanSerializer.Write(Plan with { Stack = "prod", Steps = [] });

        var e = Assert.Throws<DiagnosticException>(() => SavedPlanSerializer.Read(text, "plan.json", Dev));

        var d = Assert.Single(e.Diagnostics);
        Assert.Equal("PRV102", d.Code);
        Assert.Contains("'plan.json' belongs to stack 'prod' of project 'tenant-registrations', not to stack 'dev'", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plan_whose_steps_address_another_stack_is_refused()
    {
        var text = SavedPlanSerializer.Write(Plan with { Steps = [Plan.Steps[0] with { Address = Address.Replace(":dev::", ":prod::", StringComparison.Ordinal) }] });

        Assert.Equal("PRV102", Assert.Throws<DiagnosticException>(() => SavedPlanSerializer.Read(text, "plan.json", Dev)).Diagnostics[0].Code);
    }

    [Theory]
    [InlineData("", "PRV110")]
    [InlineData("not json", "PRV110")]
    [InlineData("[]", "PRV110")]
    [InlineData("""{"format_version":"1.0","project":"tenant-registrations","stack":"dev","steps":[],"actual_fingerprint":"x"}""", "PRV104")]
    [InlineData("""{"format_version":"9.0","project":"p","stack":"dev","steps":[],"actual_fingerprint":"x"}""", "PRV103")]
    [InlineData("""{"format_version":"two","project":"p","stack":"dev","steps":[],"actual_fingerprint":"x"}""", "PRV110")]
    [InlineData("""{"format_version":"2.0","project":"tenant-registrations","stack":"dev","steps":[],"actual_fingerprint":"x"}""", "PRV110")]
    public void A_file_that_is_not_a_current_plan_is_refused(string text, string code)
    {
        var e = Assert.Throws<DiagnosticException>(() => SavedPlanSerializer.Read(text, "plan.json", Dev));

        Assert.Equal((code, DiagnosticOrigin.Input), (e.Diagnostics[0].Code, e.Diagnostics[0].Origin));
    }

    [Theory]
    [InlineData("\"id\": \"/sub", "\"id\": \"sub")]
    [InlineData("\"create\"", "\"explode\"")]
    [InlineData("\"address\": \"urn:", "\"address\": \"nru:")]
    public void A_plan_with_a_bad_id_action_or_address_is_refused_even_with_a_matching_checksum(string from, string to)
    {
        var text = Rechecksum(SavedPlanSerializer.Write(Plan).Replace(from, to, StringComparison.Ordinal));

        Assert.Equal("PRV110", Assert.Throws<DiagnosticException>(() => SavedPlanSerializer.Read(text, "plan.json", Dev)).Diagnostics[0].Code);
    }

    [Fact]
    public void A_newer_minor_version_with_new_fields_is_read()
    {
        var text = Rechecksum(SavedPlanSerializer.Write(Plan)
            .Replace("\"format_version\": \"2.0\"", "\"format_version\": \"2.3\", \"note\": {\"x\": [1, 2]}", StringComparison.Ordinal));

        Assert.Equal("dev", SavedPlanSerializer.Read(text, "plan.json", Dev).Stack);
    }

    /// <summary>The text with its checksum recomputed, as a deliberate editor (or a newer writer) would.</summary>
    private static string Rechecksum(string text)
    {
        var at = text.LastIndexOf("\"checksum\"", StringComparison.Ordinal);
        return $"{text[..at]}\"checksum\": \"sha256:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text[..at])))}\"\n}}\n";
    }
}
