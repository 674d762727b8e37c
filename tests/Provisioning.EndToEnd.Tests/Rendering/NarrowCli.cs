using Provisioning.Cli;
using Provisioning.Engine;
using Spectre.Console.Testing;

namespace Provisioning.EndToEnd.Tests.Rendering;

/// <summary>Runs the real CLI in-process on captured non-interactive consoles of a given width, as a CI log of that width shows it.</summary>
internal static class NarrowCli
{
    public static async Task<CliResult> RunAsync(IProviderFactory providers, int width, params string[] args)
    {
        var output = new TestConsole();
        var error = new TestConsole();
        output.Profile.Width = width;
        error.Profile.Width = width;
        var code = await CliApp.RunAsync(args, new CliConsole(output, error, Interactive: false), providers, CancellationToken.None);
        return new CliResult(code, output.Output, error.Output);
    }
}
