using Provisioning.Planning;

namespace Provisioning.Execution;

/// <summary>Progress of one step, reported as it happens.</summary>
public sealed record StepEvent(Step Step, StepStatus Status, string? Error = null)
{
    /// <summary>True when a request-sending step has finished, whether it succeeded or failed: what progress displays count.</summary>
    public bool IsFinishedRequest => Step.IsChange && Status is StepStatus.Succeeded or StepStatus.Failed;
}
