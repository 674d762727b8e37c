using System.Collections.Immutable;
using Provisioning.AzureStack;
using Provisioning.Diagnostics;
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
        var workspace = stack.Workspace;
        var observer = workspace.Options.Observer;
        var definition = await stack.LoadAsync(preview: false, cancellationToken).ConfigureAwait(false);
        var writes = !options.ExpectNoChanges;
        if (writes && !options.Yes && !observer.CanConfirm)
        {
            throw new DiagnosticException(DiagnosticCatalog.ConfirmationNeeded("refresh", "rewrites the state"));
        }

        // Only a refresh that writes takes the lock: --expect-no-changes reads, as preview does. The refresh shares every
        // id and value equal to a recorded one with the state.
        var folder = workspace.FolderOf(definition);
        var interner = new Interner();
        await using var state = await StateSession.OpenAsync(workspace.Options.StateBackend, observer, definition, folder, writes ? "refresh" : null, interner, cancellationToken).ConfigureAwait(false);
        await using var connection = await workspace.Providers.ConnectAsync(definition, folder, cancellationToken).ConfigureAwait(false);
        observer.OnStart(RunKind.Refresh, definition, connection.Endpoint);
        var checkpoint = await state.ResolvePendingAsync(connection.Provider, cancellationToken).ConfigureAwait(false);
        var parents = definition.Registrations.Select(r => r.Id).Concat(Refresher.ParentsOf(checkpoint.Resources.Select(r => r.Id)));
        var refreshed = await observer.RefreshingAsync(progress =>
            Refresher.RefreshAsync(connection.Provider, parents, TenantRegistration.ChildTypeSegment, TenantRegistration.ApiVersion, interner: interner, progress: progress, cancellationToken: cancellationToken)).ConfigureAwait(false);
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
        observer.OnPlan(RunKind.Refresh, plan, []);
        var result = new StackRunResult(RunKind.Refresh, definition.Project, definition.Stack, RunOutcome.Succeeded, plan)
        {
            Endpoint = connection.Endpoint,
            Drift = DriftedResource.Between(checkpoint.Resources, refreshed.Resources),
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
