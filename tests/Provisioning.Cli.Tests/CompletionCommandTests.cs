using System.Diagnostics;

namespace Provisioning.Cli.Tests;

/// <summary><c>provision completion SHELL</c>: a script per shell that asks provision's [suggest] directive what may come next.</summary>
public sealed class CompletionCommandTests
{
    private readonly InMemoryProviderFactory _providers = new();

    [Theory]
    [InlineData("bash", "complete -o default -F _provision provision")]
    [InlineData("zsh", "compdef _provision provision")]
    [InlineData("fish", "complete --command provision")]
    [InlineData("pwsh", "Register-ArgumentCompleter -Native -CommandName provision")]
    public async Task Each_shell_gets_a_script_for_the_command_provision_that_asks_it_for_suggestions(string shell, string registration)
    {
        var (code, output, error) = await CliHarness.RunAsync(_providers, "completion", shell);

        Assert.Equal(0, code);
        Assert.Empty(error);
        Assert.Contains(registration, output, StringComparison.Ordinal);
        Assert.Contains("provision \"[suggest:", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_shell_exits_2_naming_the_shells_there_are()
    {
        var (code, output, error) = await CliHarness.RunAsync(_providers, "completion", "tcsh");

        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains("no script for the shell 'tcsh'; use one of bash, zsh, fish, pwsh", error, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData("pre", "preview")]
    [InlineData("schema st", "stack")]
    [InlineData("export --format te", "terraform")]
    public async Task The_bash_script_completes_against_the_built_provision(string typed, string expected)
    {
        Skip.IfNot(File.Exists("/bin/bash"), "bash is not installed");

        // `provision` is a shell function running the built CLI, as the installed tool would run; the words and the
        // cursor are set as bash sets them when Tab is pressed after the typed text.
        const string Script = """
            provision() { "$TEST_DOTNET" exec "$TEST_PROVISION_DLL" "$@"; }
            source <(provision completion bash)
            read -ra COMP_WORDS <<< "provision $TEST_TYPED"
            COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
            _provision
            printf '%s\n' "${COMPREPLY[@]}"
            """;
        var start = new ProcessStartInfo("/bin/bash", ["-c", Script]) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["TEST_DOTNET"] = DotnetHost();
        start.Environment["TEST_PROVISION_DLL"] = typeof(CliApp).Assembly.Location;
        start.Environment["TEST_TYPED"] = typed;

        using var bash = Process.Start(start)!;
        var output = bash.StandardOutput.ReadToEndAsync();
        var error = bash.StandardError.ReadToEndAsync();
        try
        {
            // A guard against a hung shell, not a measure: the run takes a few seconds.
            using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await bash.WaitForExitAsync(guard.Token);
        }
        finally
        {
            if (!bash.HasExited)
            {
                bash.Kill(entireProcessTree: true);
            }
        }

        Assert.Equal(0, bash.ExitCode);
        Assert.Equal([expected], (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Empty(await error);
    }

    /// <summary>The dotnet host running these tests (DOTNET_HOST_PATH when the SDK sets it), else the one on the PATH.</summary>
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host
        : Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath!
        : "dotnet";
}
