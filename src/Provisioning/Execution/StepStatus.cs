namespace Provisioning.Execution;

/// <summary>Where a step is.</summary>
public enum StepStatus
{
    /// <summary>The request is being sent.</summary>
    Started,

    /// <summary>Done and recorded in the state.</summary>
    Succeeded,

    /// <summary>The provider refused or failed; the state is unchanged for this resource.</summary>
    Failed,

    /// <summary>Not started because the run was cancelled.</summary>
    Skipped,
}
