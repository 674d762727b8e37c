using System.Collections.Immutable;
using Provisioning.Execution;
using Provisioning.Model;
using Provisioning.Planning;
using Provisioning.State;

namespace Provisioning.Engine;

/// <summary>
/// refresh: lists what exists in ARM and brings the state up to date with it — a managed resource whose properties
/// drifted is recorded as it is now (<c>~</c>), one that is gone is forgotten (<c>x</c>). Sends no PUT or DELETE; only
/// the state changes, after confirmation. With <see cref="RunOptions.ExpectNoChanges"/> it only checks, without the lock.
/// </summary>
internal sealed class RefreshRun(WorkspaceStack stack, RunOptions options)
{
    public async Task<StackRunResult> RunAsync(CancellationToken cancellationToken)
    {
        var observer = stack.Workspace.Options.Observer;

        // Only a refresh that writes takes the lock: --expect-no-changes reads, as preview does. The refresh shares every
        // id and value equal to a recorded one with the state.
        var writes = !options.ExpectNoChanges;
        var interner = new Interner();
        await using var run = await StateRun.OpenAsync(stack, RunKind.Refresh, writes, options.Yes, "rewrites the state", interner, cancellationToken).ConfigureAwait(false);
        var (definition, state, connection, checkpoint) = (run.Definition, run.State, run.Connection, run.Checkpoint);
        var parents = definition.Registrations.Select(r => r.Id).Concat(Refresher.ParentsOf(checkpoint.Resources.Select(r => r.Id)));
        var refreshed = await run.ListAsync(parents, interner, cancellationToken).ConfigureAwait(false);
        var observed = refreshed.Resources.ToDictionary(r => r.Id);

        var steps = ImmutableArray.CreateBuilder<Step>();
        var updated = new List<ResourceState>();
        foreach (var recorded in checkpoint.Resources)
        {
            if (!observed.TryGetValue(recorded.Id, out var now))
            {
                steps.Add(new Step(StepKind.Forget, recorded.Urn, recorded.Id, null, recorded, [], "gone from Azure: forgotten"));
                continue;
            }

            var diffs = Planner.Diff(recorded.Properties, now.Properties);
            var current = recorded with { Id = now.Id, Properties = now.Properties };
            updated.Add(current);
            var desired = new Resource(recorded.Urn, now.Id, recorded.Type, recorded.ApiVersion, now.Properties, recorded.Parent, recorded.Options);
            steps.Add(new Step(diffs.IsEmpty ? StepKind.Same : StepKind.Update, recorded.Urn, recorded.Id, desired, recorded, diffs, diffs.IsEmpty ? null : "drifted in Azure: the state takes the value found"));
        }

        var plan = new Plan(steps.ToImmutable(), []);
        // A refresh's plan is its drift: what changed (~) or disappeared (x) in Azure since the state recorded it.
        IReadOnlyList<DriftedResource> drift = [.. plan.Steps
            .Where(s => s.Kind is StepKind.Update or StepKind.Forget)
            .Select(s => new DriftedResource(s.Urn, s.Id, Deleted: s.Kind == StepKind.Forget, s.Diffs))];
        observer.OnPlan(RunKind.Refresh, plan, [], drift);
        var result = new StackRunResult(RunKind.Refresh, definition.Project, definition.Stack, RunOutcome.Succeeded, plan)
        {
            Endpoint = connection.Endpoint,
            Drift = drift,
        };
        if (options.ExpectNoChanges)
        {
            return plan.HasChanges ? result with { Outcome = RunOutcome.ChangesPresent } : result;
        }

        if (!plan.HasChanges)
        {
            return result;
        }

        if (!options.Yes && !await observer.ConfirmAsync(RunKind.Refresh, "Do you want to write these changes to the state?", cancellationToken).ConfigureAwait(false))
        {
            return result with { Outcome = RunOutcome.Declined };
        }

        var written = checkpoint with { Updated = DateTimeOffset.UtcNow, Resources = [.. updated] };
        await state.Store.WriteAsync(written, cancellationToken).ConfigureAwait(false);
        return result with { Execution = new ExecutionResult(written, [.. plan.Steps.Select(s => new StepEvent(s, StepStatus.Succeeded))], Cancelled: false) };
    }
}
