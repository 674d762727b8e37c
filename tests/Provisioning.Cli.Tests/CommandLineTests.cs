namespace Provisioning.Cli.Tests;

public sealed class CommandLineTests
{
    private readonly InMemoryProviderFactory _providers = new();

    [Fact]
    public async Task Help_lists_the_verbs_and_the_exit_codes()
    {
        var (code, output, _) = await CliHarness.RunAsync(_providers, "--help");

        Assert.Equal(0, code);
        Assert.Contains("preview", output, StringComparison.Ordinal);
        Assert.Contains("destroy", output, StringComparison.Ordinal);
        Assert.Contains("130", output, StringComparison.Ordinal);
        Assert.Contains("--expect-no-changes", (await CliHarness.RunAsync(_providers, "up", "--help")).Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Version_prints_the_assembly_informational_version()
    {
        var expected = typeof(CliApp).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().Single().InformationalVersion;

        var (code, output, _) = await CliHarness.RunAsync(_providers, "--version");

        Assert.Equal(0, code);
        Assert.Equal(expected, output.Trim());
    }

    [Theory]
    [InlineData("refresh")]
    [InlineData("import")]
    [InlineData("stack")]
    public async Task Help_lists_the_new_verbs(string verb)
    {
        var (_, output, _) = await CliHarness.RunAsync(_providers, "--help");

        Assert.Contains(verb, output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("preview", "--stack", "local", "--plan", "x.json")]
    [InlineData("destroy", "--stack", "local", "--prune")]
    [InlineData("up", "--stack", "local", "--save-plan", "x.json")]
    [InlineData("up")]
    [InlineData("preview", "--stack")]
    [InlineData("preview", "--stack", "local", "--parallel", "0")]
    [InlineData("preview", "--stack", "local", "--no-such-flag")]
    [InlineData("frobnicate")]
    public async Task Bad_flags_exit_2_without_connecting(params string[] args)
    {
        var (code, _, error) = await CliHarness.RunAsync(_providers, args);

        Assert.Equal(2, code);
        Assert.NotEmpty(error);
        Assert.Equal(0, _providers.Connections);
    }

    [Fact]
    public async Task A_missing_stack_file_exits_2_without_connecting()
    {
        var dir = Directory.CreateTempSubdirectory("provision-cli-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "Pulumi.yaml"), "name: tenant-registrations\nruntime: provision\n");

            var (code, _, error) = await CliHarness.RunAsync(_providers, "preview", "--stack", "nope", "--cwd", dir);

            Assert.Equal(2, code);
            Assert.Contains("Pulumi.nope.yaml", error, StringComparison.Ordinal);
            Assert.Equal(0, _providers.Connections);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
