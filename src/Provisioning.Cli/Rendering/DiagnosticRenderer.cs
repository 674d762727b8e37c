using Provisioning.Diagnostics;
using Spectre.Console;

namespace Provisioning.Cli.Rendering;

/// <summary>Writes diagnostics as <c>file(line,col): error PRV012: message</c>.</summary>
internal static class DiagnosticRenderer
{
    /// <summary>Writes one diagnostic, coloured by severity.</summary>
    public static void Write(IAnsiConsole console, Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(diagnostic);
        var colour = diagnostic.Level == Severity.Error ? "red" : "yellow";
        console.MarkupLineInterpolated($"[{colour}]{diagnostic.ToString()}[/]");
    }
}
