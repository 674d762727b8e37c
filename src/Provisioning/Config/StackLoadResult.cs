using Provisioning.Diagnostics;
namespace Provisioning.Config;

/// <summary>The outcome of loading a stack: the definition when there is no error, and every diagnostic found.</summary>
public sealed record StackLoadResult(StackDefinition? Stack, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>True when any diagnostic is an error (the stack is then null).</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Level == Severity.Error);

    /// <summary>
    /// Set for a C# program project (<c>runtime: dotnet</c>): the stack files then give only the cloud, backend and the
    /// program's config, and <see cref="Stack"/> has no registrations until the program is run and its message converted.
    /// </summary>
    public ProgramProject? Program { get; init; }
}
