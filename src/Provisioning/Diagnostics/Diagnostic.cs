namespace Provisioning.Diagnostics;

/// <summary>One problem found in the input or met by a run, with a stable code (<c>PRV001</c>…) and its place.</summary>
public sealed record Diagnostic(SourceSpan Span, Severity Level, string Code, string Message)
{
    /// <summary>Whose fault an error is, which decides the exit code. Default: <see cref="DiagnosticOrigin.Input"/>.</summary>
    public DiagnosticOrigin Origin { get; init; } = DiagnosticOrigin.Input;

    /// <summary>For an error ARM answered: its HTTP status, ARM error code and request id, kept apart from the text.</summary>
    public ArmErrorDetail? Arm { get; init; }

    /// <summary><c>Pulumi.prod.yaml(12,7): error PRV012: message</c>.</summary>
    public override string ToString() =>
        $"{Span}: {(Level == Severity.Error ? "error" : "warning")} {Code}: {Message}";
}
