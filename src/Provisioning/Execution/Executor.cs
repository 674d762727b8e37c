using Provisioning.Model;
using System.Collections.Concurrent;
using Provisioning.Planning;
using Provisioning.State;

namespace Provisioning.Execution;

/// <summary>
/// Applies a plan: PUTs first, then DELETEs, each phase with bounded parallelism. Every finished
/// step is persisted before the run moves on; a failed step does not stop the others. Cancellation
/// starts nothing new, lets the requests in flight finish for up to <see cref="ExecutorOptions.DrainTimeout"/>
/// (then abandons them, their intents left pending for the next run to resolve), records every finished step and
/// returns a result with <see cref="ExecutionResult.Cancelled"/> set and the unstarted steps reported skipped.
/// </summary>
public sealed class Executor(IResourceProvider provider, IStateStore store, ExecutorOptions? options = null)
{
    /// <summary>How the error of a request abandoned at the drain bound starts.</summary>
    public const string InterruptedMessage = "Interrupted: the run was cancelled and this request did not answer within the drain bound";

    private readonly ExecutorOptions _options = options ?? new ExecutorOptions();

    /// <summary>
    /// Runs the plan from the given checkpoint and returns the final checkpoint and each step's outcome.
    /// When <paramref name="cancellationToken"/> is already cancelled nothing is done: every step is skipped.
    /// A delete whose replacement failed (a create or update under the same parent with the same
    /// properties, e.g. a tenant moving to another subscription) is not sent, so nothing is left unmapped.
    /// </summary>
    public async Task<ExecutionResult> ExecuteAsync(Plan plan, Checkpoint start, IProgress<StepEvent>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (!plan.Errors.IsEmpty)
        {
            throw new InvalidOperationException("A plan with errors cannot be applied: " + string.Join(" ", plan.Errors));
        }

        using var tracker = new StateTracker(store, start, _options.Time, _options.CompactionInterval);
        var outcomes = new ConcurrentQueue<StepEvent>();

        void Report(StepEvent e)
        {
            if (e.Status != StepStatus.Started)
            {
                outcomes.Enqueue(e);
            }

            progress?.Report(e);
        }

        // Cancelled before anything happened: change nothing, not even the state.
        if (cancellationToken.IsCancellationRequested)
        {
            foreach (var step in plan.Steps)
            {
                Report(new StepEvent(step, StepStatus.Skipped));
            }

            return new ExecutionResult(tracker.Snapshot(), [.. outcomes], Cancelled: true);
        }

        // Steps without requests only touch the state: record them all in one write.
        foreach (var step in plan.Steps.Where(s => !s.IsChange))
        {
            Record(tracker, step, null);
            Report(new StepEvent(step, StepStatus.Succeeded));
        }

        await tracker.PersistAsync(CancellationToken.None);

        var puts = plan.Steps.Where(s => s.Kind is StepKind.Create or StepKind.Update).ToList();
        var cancelled = await RunPhaseAsync(puts, tracker, Report, cancellationToken);

        var deletes = plan.Steps.Where(s => s.Kind == StepKind.Delete).ToList();
        if (cancelled)
        {
            deletes.ForEach(s => Report(new StepEvent(s, StepStatus.Skipped)));
        }
        else
        {
            var failedPuts = outcomes.Where(o => o.Status == StepStatus.Failed && o.Step.Kind is StepKind.Create or StepKind.Update).Select(o => o.Step).ToList();
            var runnable = new List<Step>(deletes.Count);
            foreach (var delete in deletes)
            {
                var replacement = failedPuts.Find(put => Replaces(put, delete));
                if (replacement is null)
                {
                    runnable.Add(delete);
                }
                else
                {
                    Report(new StepEvent(delete, StepStatus.Failed, $"Not deleted: {replacement.Id}, which replaces it, failed."));
                }
            }

            cancelled = await RunPhaseAsync(runnable, tracker, Report, cancellationToken);
        }

        // The end of a run is a compaction: the journal is folded into the snapshot.
        await tracker.CompactAsync(CancellationToken.None);
        return new ExecutionResult(tracker.Snapshot(), [.. outcomes], cancelled);
    }

    /// <summary>Runs one phase with bounded parallelism; returns true when it was cancelled (unstarted steps are reported skipped).</summary>
    private async Task<bool> RunPhaseAsync(List<Step> steps, StateTracker tracker, Action<StepEvent> report, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            steps.ForEach(s => report(new StepEvent(s, StepStatus.Skipped)));
            return true;
        }

        var started = new ConcurrentDictionary<Step, byte>();

        // Requests are not cancelled by the run's token: once the run is cancelled they get DrainTimeout to answer.
        using var drain = new CancellationTokenSource(Timeout.InfiniteTimeSpan, _options.Time);
        using var bound = cancellationToken.Register(() => drain.CancelAfter(_options.DrainTimeout));
        try
        {
            await Parallel.ForEachAsync(
                Interleave(steps),
                new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.Parallelism), CancellationToken = cancellationToken },
                async (step, _) =>
                {
                    started[step] = 0;
                    report(new StepEvent(step, StepStatus.Started));
                    var outcome = await RunAsync(step, tracker, drain.Token);
                    await tracker.PersistAsync(CancellationToken.None);
                    report(outcome);
                });
            return false;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            foreach (var step in steps.Where(s => !started.ContainsKey(s)))
            {
                report(new StepEvent(step, StepStatus.Skipped));
            }

            return true;
        }
    }

    /// <summary>
    /// Orders steps round-robin over their subscriptions (ARM throttles per subscription), keeping each subscription's
    /// own order, so that the workers are not all queued behind one subscription's bucket while the others stay idle.
    /// </summary>
    internal static List<Step> Interleave(List<Step> steps)
    {
        var bySubscription = new Dictionary<string, Queue<Step>>(StringComparer.OrdinalIgnoreCase);
        var order = new List<Queue<Step>>();
        foreach (var step in steps)
        {
            if (!bySubscription.TryGetValue(step.Id.SubscriptionId, out var queue))
            {
                queue = new Queue<Step>();
                bySubscription[step.Id.SubscriptionId] = queue;
                order.Add(queue);
            }

            queue.Enqueue(step);
        }

        if (order.Count <= 1)
        {
            return steps;
        }

        var interleaved = new List<Step>(steps.Count);
        while (interleaved.Count < steps.Count)
        {
            foreach (var queue in order)
            {
                if (queue.TryDequeue(out var step))
                {
                    interleaved.Add(step);
                }
            }
        }

        return interleaved;
    }

    /// <summary>True when <paramref name="put"/> puts under the same parent what <paramref name="delete"/> removes (the same resource moved to a new name).</summary>
    private static bool Replaces(Step put, Step delete) =>
        put.Id.Parent is { } parent
        && delete.Id.Parent == parent
        && delete.Current is { } current
        && Planner.Diff(current.Properties, put.Desired!.Properties).IsEmpty;

    /// <summary>
    /// Records the intent durably, sends one step's request (never cancelled mid-flight) and records its
    /// result; an interrupted run leaves the intent pending, to be resolved by reading the resource back.
    /// </summary>
    private async Task<StepEvent> RunAsync(Step step, StateTracker tracker, CancellationToken drain)
    {
        var delete = step.Kind == StepKind.Delete;
        var intent = await tracker.BeginAsync(
            delete ? JournalOperation.Delete : JournalOperation.Put,
            delete ? step.Current! : ResourceState.From(step.Desired!),
            CancellationToken.None);
        try
        {
            if (delete)
            {
                await provider.DeleteAsync(step.Id, step.ApiVersion, drain);
                Record(tracker, step, null, intent);
            }
            else
            {
                var desired = step.Desired!;
                var observed = await provider.PutAsync(desired.Id, desired.ApiVersion, desired.Properties, drain);
                Record(tracker, step, observed, intent);
            }

            return new StepEvent(step, StepStatus.Succeeded);
        }
        catch (OperationCanceledException) when (drain.IsCancellationRequested)
        {
            // Abandoned at the drain bound: whether it took effect is unknown, so the intent stays pending and the
            // next run reads the resource back before planning.
            var seconds = _options.DrainTimeout.TotalSeconds.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
            return new StepEvent(step, StepStatus.Failed, $"{InterruptedMessage} ({seconds} s); the next run checks whether it took effect.");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Requests are sent without the run's token, so even an OperationCanceledException
            // (e.g. an HTTP timeout) is this step's failure, not a cancellation of the run.
            tracker.Abandon(intent, step.Id);
            return new StepEvent(step, StepStatus.Failed, e.Message);
        }
    }

    private static void Record(StateTracker tracker, Step step, ObservedResource? observed, long intent = 0)
    {
        switch (step.Kind)
        {
            case StepKind.Delete:
            case StepKind.Forget:
                tracker.Remove(step.Id, intent);
                break;
            case StepKind.Adopt:
                // Recorded as found (the id as ARM spells it), with the desired URN, parent and options.
                var found = step.Current!;
                tracker.Set(ResourceState.From(step.Desired!, found.Properties) with { Id = found.Id }, intent);
                break;
            default:
                var desired = step.Desired!;
                var recorded = ResourceState.From(desired, observed?.Properties);
                tracker.Set(observed is null ? recorded : recorded with { Id = observed.Id }, intent);
                break;
        }
    }
}
