using Provisioning.Diagnostics;

namespace Provisioning.Programs;

/// <summary>The outcome of reading a program's message: the message when it is valid, and every diagnostic found.</summary>
public sealed record ProgramReadResult(ProgramMessage? Message, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>True when any diagnostic is an error (the message is then null).</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Level == Severity.Error);
}
