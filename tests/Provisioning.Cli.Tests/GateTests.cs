using Provisioning.Engine;
using System.Text.RegularExpressions;
using Provisioning.Config;

namespace Provisioning.Cli.Tests;

/// <summary>No crash reaches the user: bad flags, bad paths and failures deep in a run come out as catalogued diagnostics.</summary>
public sealed partial class GateTests : IDisposable
{
    private readonly ProjectFolder _project = new();

    [Theory]
    [InlineData("-p", "2x")]
    [InlineData("-p", "99999999999999999999")]
    [InlineData("--parallel", "0")]
    [InlineData("--parallel", "-3")]
    [InlineData("--parallel", "1001")]
    [InlineData("--parallel", "")]
    public async Task A_bad_parallel_value_exits_2_with_PRV160_and_nothing_is_contacted(string flag, string value)
    {
        var providers = new InMemoryProviderFactory();

        var (code, _, error) = await CliHarness.RunAsync(providers, "up", "--stack", "dev", "--cwd", _project.Path, "--yes", flag, value);

        Assert.Equal(2, code);
        Assert.Contains("error PRV160:", error, StringComparison.Ordinal);
        AssertNoTrace(error);
        Assert.Equal(0, providers.Connections);
    }

    [Theory]
    [InlineData("preview", "--save-plan", "missing/plan.json")]
    [InlineData("preview", "--save-plan", ".")]
    [InlineData("import", "--out", "missing/entries.yaml")]
    public async Task An_output_file_in_a_missing_folder_or_on_a_folder_is_refused_before_anything_is_read(string verb, string flag, string relative)
    {
        var providers = new InMemoryProviderFactory();
        var before = Snapshot();

        var (code, _, error) = await CliHarness.RunAsync(providers, verb, "--stack", "dev", "--cwd", _project.Path, "--yes", flag, _project.PathOf(relative));

        Assert.Equal(2, code);
        Assert.Contains("error PRV160:", error, StringComparison.Ordinal);
        Assert.Equal(0, providers.Connections);
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public async Task A_missing_project_folder_is_named()
    {
        var (code, _, error) = await CliHarness.RunAsync(new InMemoryProviderFactory(), "preview", "--stack", "dev", "--cwd", _project.PathOf("nowhere"));

        Assert.Equal(2, code);
        Assert.Contains("does not exist", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unexpected_failure_is_PRV199_with_exit_1_and_no_stack_trace()
    {
        var (code, _, error) = await CliHarness.RunAsync(new ThrowingFactory(new InvalidCastException("boom")), "preview", "--stack", "dev", "--cwd", _project.Path);

        Assert.Equal(1, code);
        Assert.Contains("error PRV199:", error, StringComparison.Ordinal);
        Assert.Contains("InvalidCastException: boom", error, StringComparison.Ordinal);
        AssertNoTrace(error);
    }

    [Fact]
    public async Task With_verbose_an_unexpected_failure_also_prints_its_stack_trace()
    {
        var (code, _, error) = await CliHarness.RunAsync(new ThrowingFactory(new InvalidCastException("boom")), "preview", "--stack", "dev", "--cwd", _project.Path, "--verbose");

        Assert.Equal(1, code);
        Assert.Matches(StackFrame(), error);
    }

    [Fact]
    public async Task A_file_system_failure_is_PRV162_with_exit_1()
    {
        var (code, _, error) = await CliHarness.RunAsync(new ThrowingFactory(new IOException("disk full")), "preview", "--stack", "dev", "--cwd", _project.Path);

        Assert.Equal(1, code);
        Assert.Contains("error PRV162:", error, StringComparison.Ordinal);
        AssertNoTrace(error);
    }

    [Fact]
    public async Task A_state_that_names_the_registration_itself_is_refused_before_any_request()
    {
        var providers = new InMemoryProviderFactory();
        Assert.Equal(0, (await CliHarness.RunAsync(providers, "up", "--stack", "dev", "--cwd", _project.Path, "--yes")).Code);
        var exported = _project.PathOf("state.json");
        Assert.Equal(0, (await CliHarness.RunAsync(providers, "stack", "export", "--stack", "dev", "--cwd", _project.Path, "--file", exported)).Code);
        var text = File.ReadAllText(exported);
        var mapping = MappingId().Match(text).Value;
        File.WriteAllText(exported, text.Replace(mapping, mapping[..mapping.IndexOf("/customerSubscriptions/", StringComparison.Ordinal)], StringComparison.Ordinal));
        var calls = providers.Provider.Calls.Length;

        var (code, _, error) = await CliHarness.RunAsync(providers, "stack", "import", "--stack", "dev", "--cwd", _project.Path, "--file", exported);

        Assert.Equal(2, code);
        Assert.Contains("error PRV165:", error, StringComparison.Ordinal);
        Assert.Equal(calls, providers.Provider.Calls.Length);
    }

    [Theory]
    [InlineData("up")]
    [InlineData("destroy")]
    [InlineData("preview")]
    public async Task A_target_that_matches_nothing_is_refused_and_nothing_is_sent(string verb)
    {
        var providers = new InMemoryProviderFactory();
        Assert.Equal(0, (await CliHarness.RunAsync(providers, "up", "--stack", "dev", "--cwd", _project.Path, "--yes")).Code);
        var calls = providers.Provider.Calls.Count(c => c.Method is "PUT" or "DELETE");

        string[] yes = verb == "preview" ? [] : ["--yes"];
        var (code, _, error) = await CliHarness.RunAsync(providers, [verb, "--stack", "dev", "--cwd", _project.Path, .. yes, "--target", "*west-contso"]);

        Assert.Equal(2, code);
        Assert.Contains("error PRV160: --target '*west-contso' matches no resource", error, StringComparison.Ordinal);
        Assert.Equal(calls, providers.Provider.Calls.Count(c => c.Method is "PUT" or "DELETE"));
    }

    public void Dispose() => _project.Dispose();

    private static void AssertNoTrace(string error) => Assert.DoesNotMatch(StackFrame(), error);

    private Dictionary<string, long> Snapshot() =>
        Directory.EnumerateFileSystemEntries(_project.Path, "*", SearchOption.AllDirectories)
            .ToDictionary(p => p, p => File.Exists(p) ? new FileInfo(p).Length : -1, StringComparer.Ordinal);

    [GeneratedRegex(@"^\s+at \S+\(", RegexOptions.Multiline)]
    private static partial Regex StackFrame();

    [GeneratedRegex(@"/subscriptions/[^""]+/customerSubscriptions/[0-9a-f-]{36}")]
    private static partial Regex MappingId();

    private sealed class ThrowingFactory(Exception exception) : IProviderFactory
    {
        public Task<ProviderConnection> ConnectAsync(StackDefinition stack, WorkFolder folder, CancellationToken cancellationToken) => Task.FromException<ProviderConnection>(exception);
    }
}
