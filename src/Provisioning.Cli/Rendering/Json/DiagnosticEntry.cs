using Provisioning.Diagnostics;

namespace Provisioning.Cli.Rendering.Json;

/// <summary>
/// A diagnostic in the document (format 1.3): why a run was refused or stopped. <c>line</c> and <c>col</c> are 1-based,
/// null when the place is a whole file or the command line.
/// </summary>
internal sealed record DiagnosticEntry(string Code, string Severity, string Message, string File, int? Line, int? Col)
{
    /// <summary>The entry of a diagnostic.</summary>
    public static DiagnosticEntry Of(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        var known = diagnostic.Span.Line > 0;
        return new DiagnosticEntry(
            diagnostic.Code,
            diagnostic.Level == Diagnostics.Severity.Error ? "error" : "warning",
            diagnostic.Message,
            diagnostic.Span.File,
            known ? diagnostic.Span.Line : null,
            known ? diagnostic.Span.Column : null);
    }
}
