namespace Provisioning.State;

/// <summary>
/// The project and stack a state file, a journal record or a saved plan belongs to. Written inside what their checksum
/// covers, and compared ordinally with what the reader expects: another stack's or project's file is refused.
/// </summary>
public readonly record struct StateIdentity
{
    /// <summary>Binds to <paramref name="project"/> and <paramref name="stack"/> (neither may be empty).</summary>
    public StateIdentity(string project, string stack)
    {
        ArgumentException.ThrowIfNullOrEmpty(project);
        ArgumentException.ThrowIfNullOrEmpty(stack);
        Project = project;
        Stack = stack;
    }

    /// <summary>The project name (Pulumi.yaml's <c>name</c>).</summary>
    public string Project { get; }

    /// <summary>The stack name.</summary>
    public string Stack { get; }

    /// <summary>The identity a checkpoint names in its header.</summary>
    public static StateIdentity Of(Checkpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        return new(checkpoint.Project, checkpoint.Stack);
    }

    /// <summary>The start every URN of this stack has: <c>urn:pulumi:{stack}::{project}::</c>.</summary>
    public string UrnPrefix => $"urn:pulumi:{Stack}::{Project}::";

    /// <summary>For people: <c>stack 'dev' of project 'tenant-registrations'</c>.</summary>
    public override string ToString() => $"stack '{Stack}' of project '{Project}'";
}
