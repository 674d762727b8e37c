using System.Text.Json;

namespace Provisioning.Cli.Tests.Rendering;

/// <summary>The --markdown report and the GitHub job summary, from the command line.</summary>
[Collection(StepSummaryVariable.Name)]
public sealed class MarkdownOptionTests : IDisposable
{
    private readonly ProjectFolder _folder = new();
    private readonly InMemoryProviderFactory _providers = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Preview_with_markdown_writes_the_report_with_every_step_and_its_full_arm_id()
    {
        var file = _folder.PathOf("plan.md");

        var (code, _, error) = await CliHarness.RunAsync(_providers, "preview", "-s", "dev", "-C", _folder.Path, "--markdown", file);

        Assert.True(code == 0, error);
        var markdown = await File.ReadAllTextAsync(file);
        Assert.StartsWith("## provision preview · stack `dev` · project `tenant-registrations`", markdown, StringComparison.Ordinal);
        Assert.Contains("#### `azurestack-west`", markdown, StringComparison.Ordinal);
        Assert.Contains($"`{ProjectFolder.West}/customerSubscriptions/8d116ece-1738-47d9-bd9c-172411e20b8f`", markdown, StringComparison.Ordinal);
        Assert.Equal(5, markdown.Split('\n').Count(l => l.StartsWith("| `+ create`", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_refused_run_still_writes_the_report_with_its_refusals()
    {
        Assert.Equal(0, (await CliHarness.RunAsync(_providers, "up", "-s", "dev", "-C", _folder.Path, "--yes")).Code);
        _folder.WriteStack("dev", WithoutProtectedTenant());
        var file = _folder.PathOf("refused.md");

        var (code, _, error) = await CliHarness.RunAsync(_providers, "up", "-s", "dev", "-C", _folder.Path, "--yes", "--markdown", file);

        Assert.Equal(2, code);
        Assert.Contains("protected", error, StringComparison.Ordinal);
        var markdown = await File.ReadAllTextAsync(file);
        Assert.Contains("**Refused**", markdown, StringComparison.Ordinal);
        Assert.Contains("### Refused", markdown, StringComparison.Ordinal);
        Assert.Contains("protected", markdown[markdown.IndexOf("### Refused", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.DoesNotContain(_providers.Provider.Calls, c => c.Method == "DELETE");
    }

    [Fact]
    public async Task With_GITHUB_STEP_SUMMARY_set_each_run_appends_its_report_to_the_job_summary()
    {
        var summary = _folder.PathOf("step-summary.md");
        await File.WriteAllTextAsync(summary, "# Earlier step\n");
        Environment.SetEnvironmentVariable("GITHUB_STEP_SUMMARY", summary);
        try
        {
            Assert.Equal(0, (await CliHarness.RunAsync(_providers, "preview", "-s", "dev", "-C", _folder.Path)).Code);
            Assert.Equal(0, (await CliHarness.RunAsync(_providers, "up", "-s", "dev", "-C", _folder.Path, "--yes")).Code);
        }
        finally
        {
            Environment.SetEnvironmentVariable("GITHUB_STEP_SUMMARY", null);
        }

        var text = await File.ReadAllTextAsync(summary);
        Assert.StartsWith("# Earlier step\n", text, StringComparison.Ordinal);
        Assert.Contains("## provision preview · stack `dev`", text, StringComparison.Ordinal);
        Assert.Contains("## provision up · stack `dev`", text, StringComparison.Ordinal);
        Assert.Contains("Applied: 5 succeeded, 0 failed, 0 not started.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_that_stops_on_an_error_writes_an_errored_json_document_and_report()
    {
        _folder.WriteStack("dev", ProjectFolder.DevStack.Replace("6b0d549b-6f03-475a-9600-a35a099950d8", "not-a-guid", StringComparison.Ordinal));
        var file = _folder.PathOf("errored.md");

        var (code, output, error) = await CliHarness.RunAsync(_providers, "preview", "-s", "dev", "-C", _folder.Path, "--json", "--markdown", file);

        Assert.Equal(2, code);
        Assert.Empty(await Schemas.ValidateAsync("plan-output.schema.json", output));
        using var doc = JsonDocument.Parse(output);
        Assert.Equal("errored", doc.RootElement.GetProperty("status").GetString());
        Assert.Equal("preview", doc.RootElement.GetProperty("operation").GetString());
        Assert.Equal("dev", doc.RootElement.GetProperty("stack").GetString());
        var diagnostic = doc.RootElement.GetProperty("diagnostics")[0];
        Assert.Equal("Pulumi.dev.yaml", Path.GetFileName(diagnostic.GetProperty("file").GetString()));
        Assert.True(diagnostic.GetProperty("line").GetInt32() > 0);
        Assert.Contains(diagnostic.GetProperty("code").GetString()!, error, StringComparison.Ordinal);
        Assert.Contains("**Errored**", await File.ReadAllTextAsync(file), StringComparison.Ordinal);
        Assert.Equal(0, _providers.Connections);
    }

    [Fact]
    public async Task Markdown_into_a_folder_that_does_not_exist_is_refused_before_anything_runs()
    {
        var (code, _, error) = await CliHarness.RunAsync(_providers, "preview", "-s", "dev", "-C", _folder.Path, "--markdown", _folder.PathOf("missing/plan.md"));

        Assert.Equal(2, code);
        Assert.Contains("--markdown", error, StringComparison.Ordinal);
        Assert.Equal(0, _providers.Connections);
    }

    private static string WithoutProtectedTenant()
    {
        var lines = ProjectFolder.DevStack.Split('\n').ToList();
        var start = lines.FindIndex(l => l.TrimEnd() == "    fabrikam:");
        lines.RemoveRange(start, 5);
        return string.Join('\n', lines);
    }
}
