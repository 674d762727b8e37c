namespace Provisioning.Cli.Engine;

/// <summary>The stack's work folder, <c>.provision/</c> beside <c>Pulumi.yaml</c>: state files and the local emulator's data.</summary>
internal sealed record WorkFolder(string ProjectDirectory)
{
    /// <summary>The folder itself.</summary>
    public string Root => Path.Combine(ProjectDirectory, ".provision");

    /// <summary>The state file of a stack.</summary>
    public string StatePath(string project, string stack) => Path.Combine(Root, "stacks", project, $"{stack}.json");

    /// <summary>The data file of the embedded ARM emulator (shared by every local stack of the project, like one Azure).</summary>
    public string EmulatorDataPath => Path.Combine(Root, "emulator", "arm.json");
}
