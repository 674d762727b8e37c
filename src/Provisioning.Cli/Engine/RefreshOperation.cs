using Provisioning.Diagnostics;
using System.Collections.Immutable;
using Provisioning.AzureStack;
using Provisioning.Cli.Rendering;
using Provisioning.Cli.Rendering.Json;
using Provisioning.Execution;
using Provisioning.Model;
using Provisioning.Planning;
using Provisioning.State;
using Spectre.Console;

namespace Provisioning.Cli.Engine;

/// <summary>
/// <c>provision refresh</c>: lists what exists in ARM and brings the state file up to date with it — a managed
/// resource whose properties drifted is recorded as it is now (<c>~</c>), one that is gone is forgotten (<c>x</c>).
/// Sends no PUT or DELETE; only the state changes, after confirmation (<c>--yes</c> off a terminal).
/// </summary>
internal sealed class RefreshOperation(CliConsole console, IProviderFactory providers)
{
    /// <summary>Runs the refresh and returns the exit code.</summary>
    public async Task<int> RunAsync(OperationOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var human = options.Json ? console.Error : console.Out;
        if (StackContext.Load(console, options.Directory, options.Stack) is not { } context)
        {
            return ExitCodes.InvalidInput;
        }

        var writes = !options.ExpectNoChanges;
        if (writes && !options.Yes && (!console.Interactive || options.Json))
        {
            throw new DiagnosticException(DiagnosticCatalog.ConfirmationNeeded("refresh", "rewrites the state"));
        }

        // Only a refresh that writes takes the lock: --expect-no-changes reads, as preview does.
        var (stack, folder) = context;
        // The refresh shares every id and value equal to a recorded one with the state.
        var interner = new Interner();
        await using var state = await StateSession.LockAsync(console, stack, folder, writes ? "refresh" : null, cancellationToken);
        if ((state.Failure ?? await state.ReadAsync(console, interner, cancellationToken)) is { } failure)
        {
            return failure;
        }

        await using var connection = await providers.ConnectAsync(stack, folder, cancellationToken);
        human.MarkupLineInterpolated($"Refreshing stack [bold]{stack.Stack}[/] (project {stack.Project}) from {stack.Cloud.Name} ({connection.Endpoint})");
        var checkpoint = await state.ResolvePendingAsync(console, connection.Provider, cancellationToken);
        var parents = stack.Registrations.Select(r => r.Id).Concat(Refresher.ParentsOf(checkpoint.Resources.Select(r => r.Id)));
        var refreshed = await RefreshRenderer.RunAsync(human, console.Interactive && !options.Json, progress =>
            Refresher.RefreshAsync(connection.Provider, parents, TenantRegistration.ChildTypeSegment, TenantRegistration.ApiVersion, interner: interner, progress: progress, cancellationToken: cancellationToken));
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
        PlanRenderer.WritePlan(human, plan, options.ShowSame, options.Diff);
        if (plan.HasChanges)
        {
            human.MarkupLineInterpolated($"Drift: [yellow]{plan.Count(StepKind.Update)} drifted[/], [grey]{plan.Count(StepKind.Forget)} gone[/], {plan.Count(StepKind.Same)} as recorded.");
        }
        else
        {
            human.MarkupLineInterpolated($"No drift: {plan.Count(StepKind.Same)} resources as recorded.");
        }

        if (options.ExpectNoChanges)
        {
            WriteJson(options, stack.Project, stack.Stack, plan, null);
            return plan.HasChanges ? ExitCodes.ChangesPresent : ExitCodes.Ok;
        }

        if (!plan.HasChanges)
        {
            WriteJson(options, stack.Project, stack.Stack, plan, null);
            return ExitCodes.Ok;
        }

        if (!options.Yes && !await console.Out.ConfirmAsync("Do you want to write these changes to the state?", defaultValue: false, cancellationToken))
        {
            console.Out.MarkupLine("Nothing was changed.");
            return ExitCodes.Ok;
        }

        var written = checkpoint with { Updated = DateTimeOffset.UtcNow, Resources = [.. updated] };
        await state.Store.WriteAsync(written, cancellationToken);
        human.MarkupLineInterpolated($"[green]The state of {stack.Stack} now records what Azure holds ({updated.Count} resources).[/]");
        var result = new ExecutionResult(written, [.. plan.Steps.Select(s => new StepEvent(s, StepStatus.Succeeded))], Cancelled: false);
        WriteJson(options, stack.Project, stack.Stack, plan, result);
        return ExitCodes.Ok;
    }

    private void WriteJson(OperationOptions options, string project, string stack, Plan plan, ExecutionResult? result)
    {
        if (options.Json)
        {
            PlanJson.Write(console.Out, PlanJson.Build("refresh", project, stack, plan, [], result));
        }
    }
}
