using Spectre.Console;

namespace Provisioning.Cli;

/// <summary>
/// Where the CLI writes and how it may interact: standard output and error as Spectre consoles,
/// whether a person is at a terminal, and the environment. Injected so tests run the real CLI in-process.
/// </summary>
internal sealed record CliConsole(IAnsiConsole Out, IAnsiConsole Error, bool Interactive)
{
    /// <summary>The process's own console: colours and prompts only on an interactive terminal outside CI.</summary>
    /// <summary>Whether this runs in CI: the <c>CI</c> variable every hosted runner sets (GitHub Actions, Azure Pipelines, GitLab), not empty, 0 or false.</summary>
    public bool ContinuousIntegration { get; init; }

    /// <summary>Whether the <c>CI</c> variable says this process runs in CI (set, and not empty, 0 or false).</summary>
    public static bool CiFromEnvironment() =>
        Environment.GetEnvironmentVariable("CI") is { Length: > 0 } value && value != "0" && !string.Equals(value, "false", StringComparison.OrdinalIgnoreCase);

    /// <summary>The console of this process: a terminal when neither input nor output is redirected and not in CI.</summary>
    public static CliConsole FromProcess()
    {
        var ci = CiFromEnvironment();
        var interactive = !ci && !Console.IsInputRedirected && !Console.IsOutputRedirected;
        return new CliConsole(Create(Console.Out, interactive && !Console.IsOutputRedirected), Create(Console.Error, interactive && !Console.IsErrorRedirected), interactive)
        {
            ContinuousIntegration = ci,
        };
    }

    private static IAnsiConsole Create(TextWriter writer, bool terminal)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Yes : InteractionSupport.No,
        });
        if (!terminal)
        {
            // One event per line: never wrap long ARM ids when writing to a file or a pipe.
            console.Profile.Width = 4096;
        }

        return console;
    }
}
