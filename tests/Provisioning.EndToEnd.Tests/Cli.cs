using Provisioning.Engine;
using Provisioning.Cli;
using Provisioning.Cli.Engine;
using Spectre.Console.Testing;

namespace Provisioning.EndToEnd.Tests;

/// <summary>Runs the real CLI in-process with captured, non-interactive consoles.</summary>
internal static class Cli
{
    public static Task<CliResult> RunAsync(IProviderFactory? providers, params string[] args) =>
        RunAsync(providers, CancellationToken.None, args);

    public static async Task<CliResult> RunAsync(IProviderFactory? providers, CancellationToken cancellationToken, params string[] args)
    {
        var output = new TestConsole();
        var error = new TestConsole();
        output.Profile.Width = 4096;
        error.Profile.Width = 4096;
        var code = await CliApp.RunAsync(args, new CliConsole(output, error, Interactive: false), providers ?? new DefaultProviderFactory(), cancellationToken);
        return new CliResult(code, output.Output, error.Output);
    }
}
