using Provisioning.Diagnostics;
namespace Provisioning.Config;

/// <summary>The outcome of loading a stack: the definition when there is no error, and every diagnostic found.</summary>
public sealed record StackLoadResult(StackDefinition? Stack, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>True when any diagnostic is an error (the stack is then null).</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Level == Severity.Error);
}
