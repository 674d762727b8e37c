using Provisioning.Diagnostics;
namespace Provisioning.Config;

/// <summary>
/// What the stack needs from <c>Pulumi.yaml</c>: the project name (null when missing or invalid) and where it is written,
/// the backend url and, for <c>file://</c>, the state folder; and the project-level config of the project's own keys:
/// each key's default (null when declared without one, which the stack must then set).
/// </summary>
internal sealed record ProjectFile(string? Name, SourceSpan NameSpan, string? BackendUrl, string? StateDirectory, IReadOnlyDictionary<string, SourceEntry?> Config)
{
    /// <summary>Where the backend url is written, for a problem found once the state folder is resolved.</summary>
    public SourceSpan BackendSpan { get; init; }

    /// <summary>The <c>runtime</c> (its <c>name</c> when written as a mapping); null when absent. Only <c>dotnet</c> changes anything: a C# program declares the resources.</summary>
    public string? Runtime { get; init; }

    /// <summary>The <c>main</c> of a program project (its folder or project file, relative to <c>Pulumi.yaml</c>); null when absent.</summary>
    public string? Main { get; init; }

    /// <summary>Where <c>main</c> is written (the whole file when absent).</summary>
    public SourceSpan MainSpan { get; init; }

    /// <summary>True for <c>runtime: dotnet</c>: a C# program on Provisioning.Sdk declares the registrations, the stack file only the cloud and the program's config.</summary>
    public bool IsProgram => Runtime == ProgramRuntime;

    /// <summary>The runtime of a C# program, Pulumi's value.</summary>
    public const string ProgramRuntime = "dotnet";

    /// <summary>A project file that could not be read.</summary>
    public static ProjectFile None(string file) => new(null, SourceSpan.WholeFile(file), null, null, new Dictionary<string, SourceEntry?>());
}
