using System.Collections.Concurrent;
using Provisioning.Planning;
using Provisioning.State;

namespace Provisioning.Execution;

/// <summary>
/// Applies a plan: PUTs first, then DELETEs, each phase with bounded parallelism. Every finished
/// step is persisted before the run moves on; a failed step does not stop the others. Cancellation
/// stops new requests, lets those in flight finish and saves the state.
/// </summary>
public sealed class Executor(IResourceProvider provider, IStateStore store, ExecutorOptions? options = null)
{
    private readonly ExecutorOptions _options = options ?? new ExecutorOptions();

    /// <summary>Runs the plan from the given checkpoint and returns the final checkpoint and each step's outcome.</summary>
    public async Task<ExecutionResult> ExecuteAsync(Plan plan, Checkpoint start, IProgress<StepEvent>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (!plan.Errors.IsEmpty)
        {
            throw new InvalidOperationException("A plan with errors cannot be applied: " + string.Join(" ", plan.Errors));
        }

        using var tracker = new StateTracker(store, start, _options.Time);
        var outcomes = new ConcurrentQueue<StepEvent>();

        void Report(StepEvent e)
        {
            if (e.Status != StepStatus.Started)
            {
                outcomes.Enqueue(e);
            }

            progress?.Report(e);
        }

        // Steps without requests only touch the state: record them all in one write.
        foreach (var step in plan.Steps.Where(s => !s.IsChange))
        {
            Record(tracker, step, null);
            Report(new StepEvent(step, StepStatus.Succeeded));
        }

        await tracker.PersistAsync(CancellationToken.None);

        var cancelled = false;
        foreach (var phase in new[] { plan.Steps.Where(s => s.Kind is StepKind.Create or StepKind.Update), plan.Steps.Where(s => s.Kind == StepKind.Delete) })
        {
            var steps = phase.ToList();
            if (cancelled || cancellationToken.IsCancellationRequested)
            {
                cancelled = true;
                steps.ForEach(s => Report(new StepEvent(s, StepStatus.Skipped)));
                continue;
            }

            var started = new ConcurrentDictionary<Step, byte>();
            try
            {
                await Parallel.ForEachAsync(
                    steps,
                    new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.Parallelism), CancellationToken = cancellationToken },
                    async (step, _) =>
                    {
                        started[step] = 0;
                        Report(new StepEvent(step, StepStatus.Started));
                        var outcome = await RunAsync(step, tracker);
                        await tracker.PersistAsync(CancellationToken.None);
                        Report(outcome);
                    });
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                cancelled = true;
                foreach (var step in steps.Where(s => !started.ContainsKey(s)))
                {
                    Report(new StepEvent(step, StepStatus.Skipped));
                }
            }
        }

        await tracker.PersistAsync(CancellationToken.None);
        return new ExecutionResult(tracker.Snapshot(), [.. outcomes], cancelled);
    }

    /// <summary>Sends one step's request (never cancelled mid-flight) and records its result.</summary>
    private async Task<StepEvent> RunAsync(Step step, StateTracker tracker)
    {
        try
        {
            if (step.Kind == StepKind.Delete)
            {
                await provider.DeleteAsync(step.Id, step.ApiVersion, CancellationToken.None);
                Record(tracker, step, null);
            }
            else
            {
                var desired = step.Desired!;
                var observed = await provider.PutAsync(desired.Id, desired.ApiVersion, desired.Properties, CancellationToken.None);
                Record(tracker, step, observed);
            }

            return new StepEvent(step, StepStatus.Succeeded);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new StepEvent(step, StepStatus.Failed, e.Message);
        }
    }

    private static void Record(StateTracker tracker, Step step, ObservedResource? observed)
    {
        switch (step.Kind)
        {
            case StepKind.Delete:
            case StepKind.Forget:
                tracker.Remove(step.Id);
                break;
            default:
                var desired = step.Desired!;
                var recorded = ResourceState.From(desired, observed?.Properties);
                tracker.Set(observed is null ? recorded : recorded with { Id = observed.Id });
                break;
        }
    }
}
