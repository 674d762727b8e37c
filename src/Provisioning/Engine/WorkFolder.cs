using Provisioning.Config;

namespace Provisioning.Engine;

/// <summary>
/// The stack's work folder, <c>.provision/</c> beside <c>Pulumi.yaml</c>: the embedded emulator's data, and the state
/// files unless the project's <c>backend.url: file://…</c> names another folder for them.
/// </summary>
public sealed record WorkFolder(string ProjectDirectory)
{
    /// <summary>The folder itself.</summary>
    public string Root => Path.Combine(ProjectDirectory, ".provision");

    /// <summary>Where state files live: the <c>file://</c> backend's folder, or <see cref="Root"/> (default).</summary>
    public string? StateRoot { get; init; }

    /// <summary>The work folder of a project, with the state folder its (validated) stack names.</summary>
    public static WorkFolder For(string projectDirectory, StackDefinition? stack) =>
        new(projectDirectory) { StateRoot = stack?.StateDirectory };

    /// <summary>The state file of a stack.</summary>
    public string StatePath(string project, string stack) => Path.Combine(StateRoot ?? Root, "stacks", project, $"{stack}.json");

    /// <summary>The data file of the embedded ARM emulator (shared by every local stack of the project, like one Azure).</summary>
    public string EmulatorDataPath => Path.Combine(Root, "emulator", "arm.json");
}
