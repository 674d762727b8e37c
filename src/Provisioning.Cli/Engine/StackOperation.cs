using Provisioning.AzureStack;
using Provisioning.Cli.Rendering;
using Provisioning.Cli.Rendering.Json;
using Provisioning.Config;
using Provisioning.Execution;
using Provisioning.Model;
using Provisioning.Planning;
using Spectre.Console;

namespace Provisioning.Cli.Engine;

/// <summary>
/// The flow every verb shares: validate all input, connect, refresh by listing, plan, show,
/// then (for up and destroy) confirm and apply, persisting each step.
/// With <c>--json</c>, people's text goes to standard error and one JSON document to standard output.
/// </summary>
internal sealed class StackOperation(CliConsole console, IProviderFactory providers)
{
    /// <summary>Runs the verb and returns the process exit code.</summary>
    public async Task<int> RunAsync(OperationKind kind, OperationOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var human = options.Json ? console.Error : console.Out;

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
        if (kind != OperationKind.Preview && !options.Yes && (!console.Interactive || options.Json))
        {
            console.Error.MarkupLineInterpolated($"[red]error:[/] {Verb(kind)} changes Azure and needs --yes when not run on an interactive terminal (CI, pipes) or with --json. Nothing was changed.");
            return ExitCodes.InvalidInput;
        }

        var folder = new WorkFolder(options.Directory);
        await using var state = await StateSession.OpenAsync(console, stack, folder, kind == OperationKind.Preview ? null : Verb(kind), cancellationToken);
        if (state.Failure is { } failure)
        {
            return failure;
        }

        var store = state.Store;
        var checkpoint = state.Checkpoint;

        SavedPlan? saved = null;
        if (options.PlanFile is not null)
        {
            if (!TryReadSavedPlan(stack, ref options, out saved))
            {
                return ExitCodes.InvalidInput;
            }
        }

        var desired = kind == OperationKind.Destroy
            ? new ResourceGraph(stack.Project, stack.Stack, [])
            : TenantRegistration.Expand(stack);
        var targets = options.Targets.Select(t => new TargetPattern(t)).ToList();
        var warnings = kind == OperationKind.Destroy ? [] : CoverageWarnings.Check(stack);

        // 2. Connect and read what is really there.
        await using var connection = await providers.ConnectAsync(stack, folder, cancellationToken);
        human.MarkupLineInterpolated($"{Title(kind)} stack [bold]{stack.Stack}[/] (project {stack.Project}) on {stack.Cloud.Name} ({connection.Endpoint})");
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

        // 3. Plan (with prune candidates and targets) and show.
        var plan = Planner.Plan(desired, checkpoint.Resources, actual, kind == OperationKind.Destroy ? PlanMode.Destroy : PlanMode.Update);
        if (actual is not null && kind != OperationKind.Destroy)
        {
            var managed = stack.Registrations.Select(r => r.Id).ToHashSet();
            var underManaged = actual.Where(a => a.Id.Parent is { } p && managed.Contains(p)).ToList();
            var others = await ProjectStacks.ClaimedByOthersAsync(options.Directory, stack, cancellationToken);
            plan = Pruner.FindUnmanaged(plan, desired, checkpoint.Resources, underManaged, others, TenantRegistration.ApiVersion, found => AdoptedNames.UrnOf(stack, found));
            if (options.Prune)
            {
                plan = Pruner.Include(plan);
            }
        }

        plan = Targeting.Apply(plan, targets);
        PlanRenderer.WriteWarnings(human, warnings);
        PlanRenderer.WritePlan(human, plan, options.ShowSame, options.Diff);
        PlanRenderer.WriteSummary(human, plan);
        if (!plan.Errors.IsEmpty)
        {
            foreach (var error in plan.Errors)
            {
                console.Error.MarkupLineInterpolated($"[red]error:[/] {error}");
            }

            console.Error.MarkupLine("[red]The plan was refused: nothing was changed.[/]");
            WriteJson(kind, stack, plan, warnings, options);
            return ExitCodes.InvalidInput;
        }

        if (saved is not null && SavedPlans.Difference(saved, plan, actual) is { } moved)
        {
            console.Error.MarkupLineInterpolated($"[red]error:[/] the saved plan {options.PlanFile} is stale: {moved} Run preview --save-plan again. Nothing was changed.");
            return ExitCodes.Failed;
        }

        if (options.SavePlan is not null)
        {
            File.WriteAllText(options.SavePlan, SavedPlanSerializer.Write(SavedPlans.Create(stack.Project, stack.Stack, options, plan, actual)));
            human.MarkupLineInterpolated($"Plan saved to {options.SavePlan}: apply it with 'provision up --stack {stack.Stack} --plan {options.SavePlan}'.");
        }

        if (options.ExpectNoChanges && plan.HasChanges)
        {
            console.Error.MarkupLine("[yellow]Changes are pending and --expect-no-changes was given.[/]");
            WriteJson(kind, stack, plan, warnings, options);
            return ExitCodes.ChangesPresent;
        }

        if (kind == OperationKind.Preview || !plan.HasChanges)
        {
            WriteJson(kind, stack, plan, warnings, options);
            return ExitCodes.Ok;
        }

        // 4. Confirm and apply.
        if (!options.Yes && !await console.Out.ConfirmAsync($"Do you want to perform this {Verb(kind)}?", defaultValue: false, cancellationToken))
        {
            console.Out.MarkupLine("Nothing was changed.");
            return ExitCodes.Ok;
        }

        var executor = new Executor(connection.Provider, store, new ExecutorOptions { Parallelism = options.Parallel });
        var live = console.Interactive && !options.Json;
        var result = await ApplyRenderer.RunAsync(human, live, plan.Steps.Count(s => s.IsChange), progress => executor.ExecuteAsync(plan, checkpoint, progress, cancellationToken));
        WriteJson(kind, stack, plan, warnings, options, result);
        if (result.Cancelled)
        {
            console.Error.MarkupLine("[yellow]Cancelled: steps in flight finished and the state was saved. Run again to finish.[/]");
            return ExitCodes.Cancelled;
        }

        return result.Failed > 0 ? ExitCodes.Failed : ExitCodes.Ok;
    }

    /// <summary>Reads <c>--plan</c>: it must be for this stack and carries its own targets and prune setting.</summary>
    private bool TryReadSavedPlan(StackDefinition stack, ref OperationOptions options, out SavedPlan? saved)
    {
        saved = null;
        if (options.Targets.Count > 0 || options.Prune)
        {
            console.Error.MarkupLine("[red]error:[/] --plan applies the saved plan's own --target and --prune; do not give them again. Nothing was changed.");
            return false;
        }

        try
        {
            saved = SavedPlans.Read(options.PlanFile!);
        }
        catch (InvalidDataException e)
        {
            console.Error.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
            return false;
        }

        if (saved.Project != stack.Project || saved.Stack != stack.Stack)
        {
            console.Error.MarkupLineInterpolated($"[red]error:[/] {options.PlanFile} is a plan for stack {saved.Stack} of project {saved.Project}, not {stack.Stack} of {stack.Project}. Nothing was changed.");
            return false;
        }

        options = options with { Targets = saved.Targets, Prune = saved.Prune, Refresh = true };
        return true;
    }

    private void WriteJson(OperationKind kind, StackDefinition stack, Plan plan, IReadOnlyList<string> warnings, OperationOptions options, ExecutionResult? result = null)
    {
        if (options.Json)
        {
            PlanJson.Write(console.Out, PlanJson.Build(Verb(kind), stack.Project, stack.Stack, plan, warnings, result));
        }
    }

    private static string Verb(OperationKind kind) => kind.ToString().ToLowerInvariant();

    private static string Title(OperationKind kind) => kind switch
    {
        OperationKind.Preview => "Previewing update of",
        OperationKind.Up => "Updating",
        _ => "Destroying",
    };
}
