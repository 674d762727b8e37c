using System.Xml.Linq;
using Spectre.Console.Testing;

namespace Provisioning.Cli.Tests;

/// <summary>What the package promises its users: one version everywhere, and a README that lists every verb.</summary>
public sealed class PackageMetadataTests
{
    private readonly InMemoryProviderFactory _providers = new();

    [Fact]
    public async Task Version_prints_the_version_prefix_of_src_Directory_Build_props()
    {
        var prefix = XDocument.Load(Path.Combine(Schemas.Root, "src", "Directory.Build.props")).Descendants("VersionPrefix").Single().Value;

        var (code, output, _) = await CliHarness.RunAsync(_providers, "--version");

        Assert.Equal(0, code);
        // 1.2.3, or 1.2.3-suffix / 1.2.3+commit: the prefix is the version, never a default of the SDK.
        Assert.Matches($"^{System.Text.RegularExpressions.Regex.Escape(prefix)}([-+].*)?$", output.Trim());
    }

    [Fact]
    public async Task The_README_verb_table_lists_every_verb_of_provision()
    {
        var root = CliApp.Build(new CliConsole(new TestConsole(), new TestConsole(), Interactive: false), _providers);
        var table = (await File.ReadAllLinesAsync(Path.Combine(Schemas.Root, "README.md")))
            .SkipWhile(line => !line.StartsWith("| command |", StringComparison.Ordinal))
            .TakeWhile(line => line.StartsWith('|'))
            .ToList();

        Assert.NotEmpty(root.Subcommands);
        Assert.All(root.Subcommands.Where(c => !c.Hidden), verb =>
            Assert.Contains(table, row => row.StartsWith($"| `provision {verb.Name}", StringComparison.Ordinal)));
    }
}
