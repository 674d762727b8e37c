namespace Provisioning.Config;

/// <summary>One problem found in the input, with a stable code (<c>PRV001</c>…) and its place.</summary>
public sealed record Diagnostic(SourceSpan Span, Severity Level, string Code, string Message)
{
    /// <summary><c>Pulumi.prod.yaml(12,7): error PRV012: message</c>.</summary>
    public override string ToString() =>
        $"{Span}: {(Level == Severity.Error ? "error" : "warning")} {Code}: {Message}";
}
