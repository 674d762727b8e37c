namespace Provisioning.Diagnostics;

/// <summary>
/// Carries catalogued diagnostics from wherever a run meets them to the one gate that prints them and picks the
/// exit code. Thrown only at edges (files, the network, the state store); validation returns diagnostics instead.
/// </summary>
public sealed class DiagnosticException : Exception
{
    /// <summary>One diagnostic, with the exception that caused it (kept for <c>--verbose</c>).</summary>
    public DiagnosticException(Diagnostic diagnostic, Exception? inner = null)
        : base(diagnostic?.Message, inner)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        Diagnostics = [diagnostic];
    }

    /// <summary>Several diagnostics found together.</summary>
    public DiagnosticException(IReadOnlyList<Diagnostic> diagnostics)
        : base(diagnostics is { Count: > 0 } ? diagnostics[0].Message : "no diagnostics")
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        Diagnostics = diagnostics;
    }

    /// <summary>What went wrong, in catalogue form.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }
}
