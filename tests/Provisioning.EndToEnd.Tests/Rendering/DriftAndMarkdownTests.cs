using System.Text.Json;
using System.Text.RegularExpressions;

namespace Provisioning.EndToEnd.Tests.Rendering;

/// <summary>
/// The three renderings of one run — the text plan, the Markdown report and the --json document — agree on what it
/// would do, and each shows drift (a mapping changed in Azure behind the stack's back) apart from the pending changes.
/// </summary>
public sealed partial class DriftAndMarkdownTests : IAsyncLifetime, IDisposable
{
    private const string IntruderTenant = "0f0f0f0f-1111-4222-8333-444455556666";
    private static readonly string[] TwoRegistrations = ["west", "east"];
    private ArmEmulator.ArmEmulator _emulator = null!;
    private readonly StackFolder _folder = new(RenderingStack.Yaml([1, 2, 3], TwoRegistrations));

    public async Task InitializeAsync() => _emulator = await ArmEmulator.ArmEmulator.StartAsync(new ArmEmulator.ArmEmulatorOptions());

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Preview_markdown_and_json_of_the_same_run_list_the_same_steps()
    {
        await UpAsync();
        File.WriteAllText(_folder.StackFile, RenderingStack.Yaml([2, 3, 4], TwoRegistrations));
        var markdownFile = Path.Combine(_folder.Path, "plan.md");

        var preview = await RunAsync("preview", "--json", "--markdown", markdownFile);

        Assert.True(preview.ExitCode == 0, preview.ToString());
        var fromJson = JsonSteps(preview.Out);
        var fromMarkdown = MarkdownSteps(File.ReadAllText(markdownFile));
        Assert.Equal(fromJson.Order(), fromMarkdown.Order());
        Assert.Contains(("create", RenderingStack.MappingId("east", 4)), fromJson);
        Assert.Contains(("delete", RenderingStack.MappingId("west", 1)), fromJson);
        Assert.Equal(4, fromJson.Count);
    }

    [Fact]
    public async Task A_mapping_changed_in_Azure_after_an_up_is_drift_in_the_text_the_markdown_and_the_json()
    {
        await UpAsync();
        _emulator.Store.SeedMappings(RenderingStack.Subscription, "azurestack", RenderingStack.RegistrationName("west"), [(RenderingStack.CustomerSubscription(2), IntruderTenant)]);
        var markdownFile = Path.Combine(_folder.Path, "drift.md");
        var id = RenderingStack.MappingId("west", 2);

        var preview = await RunAsync("preview", "--json", "--markdown", markdownFile);

        Assert.True(preview.ExitCode == 0, preview.ToString());

        // Text (on standard error with --json): the drift block comes before the plan that corrects it.
        var text = preview.Error;
        var block = text.IndexOf("Drift since the last run", StringComparison.Ordinal);
        Assert.InRange(block, 0, text.IndexOf("Registration azurestack-west", StringComparison.Ordinal));
        Assert.Contains($"~ changed west-tenant-002 on azurestack-west: tenantId {RenderingStack.TenantId(2)} => {IntruderTenant}", text, StringComparison.Ordinal);
        Assert.Contains("~ update west-tenant-002", text, StringComparison.Ordinal);

        // Markdown: its own section, with the full id and the values recorded and found.
        var markdown = File.ReadAllText(markdownFile);
        var section = markdown[markdown.IndexOf("### Drift since the last run (1)", StringComparison.Ordinal)..markdown.IndexOf("### Changes by registration", StringComparison.Ordinal)];
        Assert.Contains($"| `~ changed` | west-tenant-002 | azurestack-west | `{id}` | tenantId: `{RenderingStack.TenantId(2)}` → `{IntruderTenant}` |", section, StringComparison.Ordinal);

        // JSON: resource_drift, apart from the update in resource_changes.
        using var doc = JsonDocument.Parse(preview.Out);
        var drift = Assert.Single(doc.RootElement.GetProperty("resource_drift").EnumerateArray());
        Assert.Equal(id, drift.GetProperty("id").GetString());
        Assert.Equal("update", drift.GetProperty("action").GetString());
        Assert.EndsWith("::west-tenant-002", drift.GetProperty("address").GetString(), StringComparison.Ordinal);
        var change = Assert.Single(drift.GetProperty("changes").EnumerateArray());
        Assert.Equal(("tenantId", RenderingStack.TenantId(2), IntruderTenant), (change.GetProperty("name").GetString(), change.GetProperty("before").GetString(), change.GetProperty("after").GetString()));
        Assert.Contains(("update", id), JsonSteps(preview.Out));
        Assert.Equal("completed", doc.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Without_drift_there_is_no_drift_block_section_or_entry()
    {
        await UpAsync();
        var markdownFile = Path.Combine(_folder.Path, "clean.md");

        var preview = await RunAsync("preview", "--json", "--markdown", markdownFile, "--expect-no-changes");

        Assert.True(preview.ExitCode == 0, preview.ToString());
        Assert.DoesNotContain("Drift since the last run", preview.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Drift since the last run", File.ReadAllText(markdownFile), StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(preview.Out);
        Assert.Empty(doc.RootElement.GetProperty("resource_drift").EnumerateArray());
    }

    private async Task UpAsync()
    {
        var up = await RunAsync("up", "--yes");
        Assert.True(up.ExitCode == 0, up.ToString());
    }

    private Task<CliResult> RunAsync(params string[] args) =>
        Cli.RunAsync(new EmulatorProviderFactory(_emulator), [.. args, "--stack", "local", "--cwd", _folder.Path]);

    private static List<(string Action, string Id)> JsonSteps(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return [.. doc.RootElement.GetProperty("resource_changes").EnumerateArray()
            .Select(c => (Action: c.GetProperty("change").GetProperty("actions")[0].GetString()!, Id: c.GetProperty("id").GetString()!))
            .Where(c => c.Action != "no-op")];
    }

    /// <summary>The steps the Markdown tables list: the action of the first cell and the first ARM id of the row.</summary>
    private static List<(string Action, string Id)> MarkdownSteps(string markdown) =>
        [.. markdown.Split('\n').Select(l => StepRow().Match(l)).Where(m => m.Success).Select(m => (m.Groups["action"].Value, m.Groups["id"].Value))];

    [GeneratedRegex(@"^\| `[+~<x-] (?<action>create|update|delete|adopt|forget)` \|.*?`(?<id>/subscriptions/[^`]+)`")]
    private static partial Regex StepRow();
}
