namespace Provisioning.Cli.Tests;

/// <summary><c>provision export</c> on the committed multi-stamp example, through the real stack loader, matches the goldens.</summary>
public sealed class ExportExampleTests
{
    private static readonly string Root = Schemas.Root;

    [Theory]
    [InlineData("terraform", "multi-stamp.main.tf")]
    [InlineData("pulumi-yaml", "multi-stamp.Pulumi.yaml")]
    public async Task Exporting_the_multi_stamp_example_prints_the_golden_file(string format, string golden)
    {
        var example = Path.Combine(Root, "examples", "multi-stamp");

        var (code, output, error) = await CliHarness.RunAsync(new InMemoryProviderFactory(), "export", "--stack", "local", "--cwd", example, "--format", format);

        Assert.True(code == 0, error);
        var expected = await File.ReadAllTextAsync(Path.Combine(Root, "tests", "Provisioning.Tests", "Export", "golden", golden));
        Assert.Equal(expected.ReplaceLineEndings(), output.ReplaceLineEndings());
    }
}
