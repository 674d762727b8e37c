namespace Provisioning.Sdk;

/// <summary>The running deployment as the program sees it: project, stack, and whether it is a preview.</summary>
public sealed class DeploymentInstance
{
    internal DeploymentInstance(ProgramSettings settings)
    {
        ProjectName = settings.Project;
        StackName = settings.Stack;
        IsDryRun = settings.Preview;
    }

    /// <summary>The project's name.</summary>
    public string ProjectName { get; }

    /// <summary>The stack's name.</summary>
    public string StackName { get; }

    /// <summary>True during a preview (nothing will be changed), false during up, destroy and the others.</summary>
    public bool IsDryRun { get; }
}
