using Provisioning.AzureStack;
using Provisioning.Cli.Rendering;
using Provisioning.Config;
using Provisioning.Execution;
using Provisioning.Model;
using Provisioning.Planning;
using Spectre.Console;

namespace Provisioning.Cli.Engine;

/// <summary>
/// The flow every verb shares: validate all input, connect, refresh by listing, plan, show,
/// then (for up and destroy) confirm and apply, persisting each step.
/// </summary>
internal sealed class StackOperation(CliConsole console, IProviderFactory providers)
{
    /// <summary>Runs the verb and returns the process exit code.</summary>
    public async Task<int> RunAsync(OperationKind kind, OperationOptions options, CancellationToken cancellationToken)
    {
        // 1. Every input is validated before anything is contacted.
        var loaded = StackLoader.Load(options.Directory, options.Stack);
        foreach (var diagnostic in loaded.Diagnostics)
        {
            DiagnosticRenderer.Write(console.Error, diagnostic);
        }

        if (loaded.HasErrors)
        {
            console.Error.MarkupLineInterpolated($"[red]{loaded.Diagnostics.Count(d => d.Level == Severity.Error)} error(s): nothing was changed.[/]");
            return ExitCodes.InvalidInput;
        }

        var stack = loaded.Stack!;
        var folder = new WorkFolder(options.Directory);
        await using var state = await StateSession.OpenAsync(console, stack, folder, kind == OperationKind.Preview ? null : Verb(kind), cancellationToken);
        if (state.Failure is { } failure)
        {
            return failure;
        }

        var store = state.Store;
        var checkpoint = state.Checkpoint;

        if (kind != OperationKind.Preview && !options.Yes && !console.Interactive)
        {
            console.Error.MarkupLineInterpolated($"[red]error:[/] {Verb(kind)} changes Azure and needs --yes when not run on an interactive terminal (CI, pipes). Nothing was changed.");
            return ExitCodes.InvalidInput;
        }

        var desired = kind == OperationKind.Destroy
            ? new ResourceGraph(stack.Project, stack.Stack, [])
            : TenantRegistration.Expand(stack);

        // 2. Connect and read what is really there.
        await using var connection = await providers.ConnectAsync(stack, folder, cancellationToken);
        console.Out.MarkupLineInterpolated($"{Title(kind)} stack [bold]{stack.Stack}[/] (project {stack.Project}) on {stack.Cloud.Name} ({connection.Endpoint})");
        checkpoint = await state.ResolvePendingAsync(console, connection.Provider, cancellationToken);

        IReadOnlyCollection<ObservedResource>? actual = null;
        if (options.Refresh)
        {
            var parents = stack.Registrations.Select(r => r.Id)
                .Concat(checkpoint.Resources.Select(r => r.Id.Parent).OfType<ArmResourceId>());
            var refreshed = await Refresher.RefreshAsync(connection.Provider, parents, TenantRegistration.ChildTypeSegment, TenantRegistration.ApiVersion, cancellationToken: cancellationToken);
            var missing = refreshed.MissingParents.ToHashSet();
            var unregistered = stack.Registrations.Where(r => missing.Contains(r.Id)).ToList();
            if (kind != OperationKind.Destroy && unregistered.Count > 0)
            {
                foreach (var r in unregistered)
                {
                    console.Error.MarkupLineInterpolated($"[red]error:[/] {r.Span}: registration '{r.Key}' ({r.Id}) does not exist in {stack.Cloud.Name}: register the stamp first. Nothing was changed.");
                }

                return ExitCodes.Failed;
            }

            actual = refreshed.Resources;
        }

        // 3. Plan and show.
        var plan = Planner.Plan(desired, checkpoint.Resources, actual, kind == OperationKind.Destroy ? PlanMode.Destroy : PlanMode.Update);
        PlanRenderer.WritePlan(console.Out, plan, options.ShowSame);
        PlanRenderer.WriteSummary(console.Out, plan);
        if (!plan.Errors.IsEmpty)
        {
            foreach (var error in plan.Errors)
            {
                console.Error.MarkupLineInterpolated($"[red]error:[/] {error}");
            }

            console.Error.MarkupLine("[red]The plan was refused: nothing was changed.[/]");
            return ExitCodes.InvalidInput;
        }

        if (options.ExpectNoChanges && plan.HasChanges)
        {
            console.Error.MarkupLine("[yellow]Changes are pending and --expect-no-changes was given.[/]");
            return ExitCodes.ChangesPresent;
        }

        if (kind == OperationKind.Preview || !plan.HasChanges)
        {
            return ExitCodes.Ok;
        }

        // 4. Confirm and apply.
        if (!options.Yes && !await console.Out.ConfirmAsync($"Do you want to perform this {Verb(kind)}?", defaultValue: false, cancellationToken))
        {
            console.Out.MarkupLine("Nothing was changed.");
            return ExitCodes.Ok;
        }

        var executor = new Executor(connection.Provider, store, new ExecutorOptions { Parallelism = options.Parallel });
        var progress = new StepProgress(console.Out, plan.Steps.Count(s => s.IsChange));
        var result = await executor.ExecuteAsync(plan, checkpoint, progress, cancellationToken);
        progress.WriteSummary(result);
        if (result.Cancelled)
        {
            console.Error.MarkupLine("[yellow]Cancelled: steps in flight finished and the state was saved. Run again to finish.[/]");
            return ExitCodes.Cancelled;
        }

        return result.Failed > 0 ? ExitCodes.Failed : ExitCodes.Ok;
    }

    private static string Verb(OperationKind kind) => kind.ToString().ToLowerInvariant();

    private static string Title(OperationKind kind) => kind switch
    {
        OperationKind.Preview => "Previewing update of",
        OperationKind.Up => "Updating",
        _ => "Destroying",
    };
}
