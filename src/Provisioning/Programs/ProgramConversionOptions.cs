using Provisioning.Config;

namespace Provisioning.Programs;

/// <summary>What the engine knows about a program's run before reading its message: the stack it asked for and the stack file's settings.</summary>
/// <param name="Project">The project the engine ran the program for; a message for another is refused.</param>
/// <param name="Stack">The stack the engine ran the program for; a message for another is refused.</param>
/// <param name="Cloud">The cloud, from the stack file (programs do not choose it).</param>
public sealed record ProgramConversionOptions(string Project, string Stack, CloudSpec Cloud)
{
    /// <summary>The state backend's url from the project file, when it names one.</summary>
    public string? BackendUrl { get; init; }

    /// <summary>The program's folder: source files under it are named relative to it in diagnostics. Default: none (paths as the compiler saw them).</summary>
    public string? SourceRoot { get; init; }

    /// <summary>How diagnostics name the program where no line is known (e.g. its project file). Default: <c>the program</c>.</summary>
    public string ProgramName { get; init; } = "the program";
}
