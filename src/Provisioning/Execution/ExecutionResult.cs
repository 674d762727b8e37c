using System.Collections.Immutable;
using Provisioning.State;

namespace Provisioning.Execution;

/// <summary>The outcome of applying a plan: the final checkpoint and what happened to every step.</summary>
public sealed record ExecutionResult(Checkpoint Checkpoint, ImmutableArray<StepEvent> Outcomes, bool Cancelled)
{
    /// <summary>Number of steps that failed.</summary>
    public int Failed => Outcomes.Count(o => o.Status == StepStatus.Failed);

    /// <summary>Number of steps that succeeded.</summary>
    public int Succeeded => Outcomes.Count(o => o.Status == StepStatus.Succeeded);
}
