using Spectre.Console.Testing;

namespace Provisioning.Cli.Tests;

/// <summary>On a terminal, up and destroy ask first; declining changes nothing and exits 1, as Terraform does.</summary>
public sealed class ConfirmationTests : IDisposable
{
    private readonly ProjectFolder _project = new();

    [Theory]
    [InlineData("n", 1)]
    [InlineData("y", 0)]
    public async Task Up_on_a_terminal_applies_only_when_confirmed(string answer, int exitCode)
    {
        var providers = new InMemoryProviderFactory();
        var output = new TestConsole().Interactive();
        var error = new TestConsole();
        output.Profile.Width = 4096;
        output.Input.PushTextWithEnter(answer);

        var code = await CliApp.RunAsync(["up", "--stack", "dev", "--cwd", _project.Path], new CliConsole(output, error, Interactive: true), providers, CancellationToken.None);

        Assert.Equal(exitCode, code);
        Assert.Equal(answer == "y", providers.Provider.Calls.Any(c => c.Method == "PUT"));
        Assert.Equal(answer == "y", File.Exists(_project.StatePath()));
    }

    public void Dispose() => _project.Dispose();
}
