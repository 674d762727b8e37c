using Provisioning.Config;

namespace Provisioning.Engine;

/// <summary>
/// A project folder (<c>Pulumi.yaml</c>, its stack files, its <c>.provision/</c> work folder) and how to run its stacks:
/// the engine as a library, the role of Pulumi's Automation API. <c>provision</c> itself is a thin shell around it.
/// </summary>
/// <example>
/// <code>
/// var workspace = new Workspace("infra", new WorkspaceOptions { Providers = providers, Program = ProgramFn.Create(() => { ...; return outputs; }) });
/// var result = await workspace.Stack("prod").UpAsync(new RunOptions { Yes = true });
/// </code>
/// </example>
public sealed class Workspace
{
    /// <summary>Opens the project folder <paramref name="directory"/>.</summary>
    public Workspace(string directory, WorkspaceOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        Directory = Path.GetFullPath(directory);
        Options = options ?? new WorkspaceOptions();
    }

    /// <summary>The project folder.</summary>
    public string Directory { get; }

    /// <summary>The options.</summary>
    public WorkspaceOptions Options { get; }

    /// <summary>A stack of the project, by name (<c>Pulumi.&lt;name&gt;.yaml</c>); nothing is read until it runs, and a bad name is reported then, as every input is.</summary>
    public WorkspaceStack Stack(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return new WorkspaceStack(this, name);
    }

    /// <summary>The stack names with a stack file in the project folder, sorted.</summary>
    public IReadOnlyList<string> StackNames() => ProjectStacks.WithStackFiles(Directory);

    /// <summary>The work folder of a validated stack (its state folder comes from a <c>file://</c> backend).</summary>
    internal WorkFolder FolderOf(StackDefinition? stack) => WorkFolder.For(Directory, stack);

    /// <summary>The provider factory, or a clear error for a library caller who gave none.</summary>
    internal IProviderFactory Providers =>
        Options.Providers ?? throw new InvalidOperationException("This workspace has no IProviderFactory (WorkspaceOptions.Providers): it cannot reach ARM.");
}
