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

    /// <summary>Number of steps never started (the run was cancelled first).</summary>
    public int NotStarted => Outcomes.Count(o => o.Status == StepStatus.Skipped);

    /// <summary>Number of requests abandoned in flight when the drain bound of a cancelled run passed (their intents stay pending).</summary>
    public int Interrupted => Outcomes.Count(o => o.Status == StepStatus.Failed && o.Error is { } e && e.StartsWith(Executor.InterruptedMessage, StringComparison.Ordinal));
}
