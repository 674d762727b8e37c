using Spectre.Console;

namespace Provisioning.Cli;

/// <summary>
/// Where the CLI writes and how it may interact: standard output and error as Spectre consoles,
/// whether a person is at a terminal, and the environment. Injected so tests run the real CLI in-process.
/// </summary>
internal sealed record CliConsole(IAnsiConsole Out, IAnsiConsole Error, bool Interactive)
{
    /// <summary>The process's own console: colours and prompts only on an interactive terminal outside CI.</summary>
    public static CliConsole FromProcess()
    {
        var ci = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));
        var interactive = !ci && !Console.IsInputRedirected && !Console.IsOutputRedirected;
        return new CliConsole(Create(Console.Out, interactive && !Console.IsOutputRedirected), Create(Console.Error, interactive && !Console.IsErrorRedirected), interactive);
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
