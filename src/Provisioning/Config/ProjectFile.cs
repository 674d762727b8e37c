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

    /// <summary>A project file that could not be read.</summary>
    public static ProjectFile None(string file) => new(null, SourceSpan.WholeFile(file), null, null, new Dictionary<string, SourceEntry?>());
}
