using Provisioning.Engine;
using Spectre.Console.Testing;

namespace Provisioning.Cli.Tests;

/// <summary>Runs the CLI in-process with captured, non-interactive consoles.</summary>
internal static class CliHarness
{
    public static async Task<(int Code, string Out, string Error)> RunAsync(IProviderFactory providers, params string[] args)
    {
        var output = new TestConsole();
        var error = new TestConsole();
        output.Profile.Width = 4096;
        error.Profile.Width = 4096;
        var code = await CliApp.RunAsync(args, new CliConsole(output, error, Interactive: false), providers, CancellationToken.None);
        return (code, output.Output, error.Output);
    }
}
