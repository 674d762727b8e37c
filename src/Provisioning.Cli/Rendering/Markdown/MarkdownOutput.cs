using System.Text;
using Spectre.Console;

namespace Provisioning.Cli.Rendering.Markdown;

/// <summary>
/// Where the Markdown report goes: the file of <c>--markdown</c> (replaced) and the GitHub Actions job summary named by
/// <c>GITHUB_STEP_SUMMARY</c> (appended to, as every step of a job shares it). A file that cannot be written is a
/// warning on standard error: the run's own outcome and exit code stand.
/// </summary>
internal static class MarkdownOutput
{
    /// <summary>The variable GitHub Actions sets to the file of the current step's job summary.</summary>
    public const string StepSummaryVariable = "GITHUB_STEP_SUMMARY";

    /// <summary>Writes <paramref name="markdown"/> where <paramref name="options"/> ask; does nothing when they ask for none.</summary>
    public static void Write(IAnsiConsole error, RenderingOptions options, Func<string> markdown)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(markdown);
        if (!options.WantsMarkdown)
        {
            return;
        }

        var text = markdown();
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        if (options.MarkdownFile is { } file)
        {
            Try(error, "--markdown", file, () => File.WriteAllText(file, text, utf8));
        }

        if (options.StepSummaryFile is { } summary)
        {
            Try(error, StepSummaryVariable, summary, () => File.AppendAllText(summary, text + "\n", utf8));
        }
    }

    private static void Try(IAnsiConsole error, string source, string path, Action write)
    {
        try
        {
            write();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            error.MarkupLineInterpolated($"[yellow]warning: the Markdown summary was not written to {path} ({source}): {e.Message}[/]");
        }
    }
}
