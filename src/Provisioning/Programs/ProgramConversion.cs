using Provisioning.Config;
using Provisioning.Diagnostics;

namespace Provisioning.Programs;

/// <summary>
/// A program's message turned into the engine's input: the <see cref="StackDefinition"/> when nothing is wrong,
/// every diagnostic found (the program's problems, the message's resources, the domain rules), and the stack outputs.
/// </summary>
public sealed record ProgramConversion(StackDefinition? Stack, IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<ProgramOutput> Outputs)
{
    /// <summary>True when any diagnostic is an error (the stack is then null).</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Level == Severity.Error);
}
