using Provisioning.Config;
using Spectre.Console.Testing;

namespace Provisioning.Cli.Tests;

/// <summary>provision init: the files it writes, what it refuses before writing anything, and the questions it asks on a terminal.</summary>
public sealed class InitCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("provision-init-").FullName;
    private readonly InMemoryProviderFactory _providers = new();

    private string StackFile => Path.Combine(_folder, "Pulumi.dev.yaml");

    private string ProjectFile => Path.Combine(_folder, "Pulumi.yaml");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Init_writes_a_valid_starter_that_previews_with_nothing_to_do()
    {
        var (code, output, error) = await CliHarness.RunAsync(_providers, "init", "--cwd", _folder, "--project", "billing", "--stack", "dev");

        Assert.True(code == 0, error);
        Assert.Contains("Next: provision preview --stack dev", output, StringComparison.Ordinal);
        var stack = await File.ReadAllTextAsync(StackFile);
        Assert.Contains("  billing:cloud: AzureCloud\n  billing:registrations: {}\n  billing:tenants: {}\n", stack, StringComparison.Ordinal);
        Assert.Contains("#       registrations: [west]", stack, StringComparison.Ordinal);
        var loaded = StackLoader.Load(_folder, "dev");
        Assert.False(loaded.HasErrors, string.Join('\n', loaded.Diagnostics));
        Assert.Equal("billing", loaded.Stack!.Project);
        var preview = await CliHarness.RunAsync(_providers, "preview", "--cwd", _folder, "--stack", "dev", "--expect-no-changes");
        Assert.True(preview.Code == 0, preview.Error);
        Assert.Empty(_providers.Provider.Calls);
    }

    [Fact]
    public async Task Every_problem_of_the_flags_is_reported_at_once_and_nothing_is_written()
    {
        var (code, _, error) = await CliHarness.RunAsync(_providers, "init", "--cwd", _folder, "--cloud", "AzureClod", "--subscription", "not-a-guid", "--resource-group", "rg");

        Assert.Equal(2, code);
        Assert.Contains("error PRV240: init needs --project", error, StringComparison.Ordinal);
        Assert.Contains("error PRV240: init needs --stack", error, StringComparison.Ordinal);
        Assert.Contains("error PRV242: --cloud 'AzureClod' is not a cloud", error, StringComparison.Ordinal);
        Assert.Contains("Did you mean 'AzureCloud'?", error, StringComparison.Ordinal);
        Assert.Contains("error PRV244: --subscription says where to read registrations from", error, StringComparison.Ordinal);
        Assert.Contains("error PRV244: --resource-group", error, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_folder));
    }

    [Theory]
    [InlineData("not-a-guid", "PRV243")]
    [InlineData("00000000-0000-0000-0000-000000000000", "PRV243")]
    public async Task From_azure_refuses_a_subscription_that_is_no_subscription_before_connecting(string subscription, string code)
    {
        var result = await CliHarness.RunAsync(_providers, "init", "--cwd", _folder, "--project", "billing", "--stack", "dev", "--from-azure", "--subscription", subscription);

        Assert.Equal(2, result.Code);
        Assert.Contains($"error {code}: --subscription", result.Error, StringComparison.Ordinal);
        Assert.Equal(0, _providers.Connections);
    }

    [Fact]
    public async Task An_existing_stack_file_is_kept_unless_force_is_given()
    {
        await File.WriteAllTextAsync(StackFile, "# mine\n");

        var refused = await CliHarness.RunAsync(_providers, "init", "--cwd", _folder, "--project", "billing", "--stack", "dev");
        Assert.Equal(2, refused.Code);
        Assert.Contains("Pulumi.dev.yaml: error PRV241: Pulumi.dev.yaml already exists", refused.Error, StringComparison.Ordinal);
        Assert.Equal("# mine\n", await File.ReadAllTextAsync(StackFile));
        Assert.False(File.Exists(ProjectFile));

        var forced = await CliHarness.RunAsync(_providers, "init", "--cwd", _folder, "--project", "billing", "--stack", "dev", "--force");
        Assert.True(forced.Code == 0, forced.Error);
        Assert.Contains("billing:tenants: {}", await File.ReadAllTextAsync(StackFile), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_project_file_of_the_same_project_is_kept_as_it_is_and_its_default_cloud_applies()
    {
        const string Project = "name: billing   # ours\nruntime: provision\nbackend:\n  url: file://./state\nconfig:\n  cloud: AzureUSGovernment\n";
        await File.WriteAllTextAsync(ProjectFile, Project);

        var (code, _, error) = await CliHarness.RunAsync(_providers, "init", "--cwd", _folder, "--project", "billing", "--stack", "dev");

        Assert.True(code == 0, error);
        Assert.Contains("Pulumi.yaml names the project billing and was kept", error, StringComparison.Ordinal);
        Assert.Equal(Project, await File.ReadAllTextAsync(ProjectFile));
        Assert.DoesNotContain("billing:cloud:", await File.ReadAllTextAsync(StackFile), StringComparison.Ordinal);
        Assert.Equal("AzureUSGovernment", StackLoader.Load(_folder, "dev").Stack!.Cloud.Name);
    }

    [Fact]
    public async Task A_project_file_of_another_project_is_refused_unless_force_is_given()
    {
        await File.WriteAllTextAsync(ProjectFile, "name: payroll\n");

        var refused = await CliHarness.RunAsync(_providers, "init", "--cwd", _folder, "--project", "billing", "--stack", "dev");
        Assert.Equal(2, refused.Code);
        Assert.Contains("error PRV241: Pulumi.yaml already exists and names the project 'payroll'", refused.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(StackFile));

        var forced = await CliHarness.RunAsync(_providers, "init", "--cwd", _folder, "--project", "billing", "--stack", "dev", "--force");
        Assert.True(forced.Code == 0, forced.Error);
        Assert.StartsWith("name: billing\n", await File.ReadAllTextAsync(ProjectFile), StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_a_terminal_init_asks_for_the_names_it_was_not_given()
    {
        var output = new TestConsole().Interactive();
        var error = new TestConsole();
        output.Profile.Width = 4096;
        output.Input.PushTextWithEnter("no way");   // refused by the prompt: not a name
        output.Input.PushTextWithEnter("billing");
        output.Input.PushTextWithEnter("prod");

        var code = await CliApp.RunAsync(["init", "--cwd", _folder], new CliConsole(output, error, Interactive: true), _providers, CancellationToken.None);

        Assert.True(code == 0, error.Output);
        Assert.Contains("Project name:", output.Output, StringComparison.Ordinal);
        Assert.Contains("Use 1 to 100 letters", output.Output, StringComparison.Ordinal);
        Assert.Equal("billing", StackLoader.Load(_folder, "prod").Stack!.Project);
    }

    [Fact]
    public async Task From_azure_needs_a_connection_that_lists_registrations()
    {
        var (code, _, error) = await CliHarness.RunAsync(_providers, "init", "--cwd", _folder, "--project", "billing", "--stack", "dev", "--from-azure", "--subscription", "6513270e-269e-4d37-b2a7-4de452e6b438");

        Assert.Equal(1, code);
        Assert.Contains("error PRV246:", error, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_folder));
    }

    [Fact]
    public async Task Import_refuses_write_and_out_together()
    {
        await File.WriteAllTextAsync(ProjectFile, "name: billing\n");

        var (code, _, error) = await CliHarness.RunAsync(_providers, "import", "--cwd", _folder, "--stack", "dev", "--yes", "--write", "--out", Path.Combine(_folder, "entries.yaml"));

        Assert.Equal(2, code);
        Assert.Contains("--write adds the entries to the stack file and --out writes them to another file", error, StringComparison.Ordinal);
        Assert.Equal(0, _providers.Connections);
    }
}
