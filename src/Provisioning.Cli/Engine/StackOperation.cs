using Provisioning.Diagnostics;
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
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();

    // A program's stack outputs (null for a YAML stack, and for destroy, which leaves none): printed after a preview or a
    // successful up, and in the --json document.
    private IReadOnlyList<Programs.ProgramOutput>? _outputs;

    /// <summary>Runs the verb and returns the process exit code.</summary>
    public async Task<int> RunAsync(OperationKind kind, OperationOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var human = options.Json ? console.Error : console.Out;

        // 1. Every input is validated before anything is contacted.
        var sourced = await StackSource.LoadWithOutputsAsync(console, options.Directory, options.Stack, kind == OperationKind.Preview, cancellationToken);
        var loaded = sourced.Loaded;
        _outputs = kind == OperationKind.Destroy ? null : sourced.Outputs;
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
        Phase("stack read");
        if (kind != OperationKind.Preview && !options.Yes && (!console.Interactive || options.Json))
        {
            throw new DiagnosticException(DiagnosticCatalog.ConfirmationNeeded(Verb(kind)));
        }

        SavedPlan? saved = null;
        if (options.PlanFile is not null)
        {
            saved = ReadSavedPlan(stack, ref options);
        }

        // 2. Lock the state; then connect (for cloud: local, start the embedded emulator) while the desired resources are
        // made and the state is read. Nothing is sent before the state is known to be valid.
        var folder = WorkFolder.For(options.Directory, stack);
        await using var state = await StateSession.LockAsync(console, stack, folder, kind == OperationKind.Preview ? null : Verb(kind), cancellationToken);
        if (state.Failure is { } locked)
        {
            return locked;
        }

        var connecting = Task.Run(() => providers.ConnectAsync(stack, folder, cancellationToken), cancellationToken);
        var connected = false;
        try
        {
            var desired = kind == OperationKind.Destroy
                ? new ResourceGraph(stack.Project, stack.Stack, [])
                : TenantRegistration.Expand(stack);
            var targets = options.Targets.Select(t => new TargetPattern(t)).ToList();
            var warnings = kind == OperationKind.Destroy ? [] : CoverageWarnings.Check(stack);

            // The state and the refresh take every id, URN and value equal to a desired one from the desired graph.
            var interner = Interner.From(desired);
            Phase("desired resources");
            if (await state.ReadAsync(console, interner, cancellationToken) is { } invalid)
            {
                return invalid;
            }

            Phase("state read");
            connected = true;
            await using var connection = await connecting;
            Phase("connected");
            return await RunConnectedAsync(kind, options, stack, desired, interner, targets, warnings, saved, state, connection, cancellationToken);
        }
        finally
        {
            if (!connected)
            {
                await AbandonAsync(connecting);
            }
        }
    }

    private async Task<int> RunConnectedAsync(
        OperationKind kind,
        OperationOptions options,
        StackDefinition stack,
        ResourceGraph desired,
        Interner interner,
        List<TargetPattern> targets,
        IReadOnlyList<string> warnings,
        SavedPlan? saved,
        StateSession state,
        ProviderConnection connection,
        CancellationToken cancellationToken)
    {
        var human = options.Json ? console.Error : console.Out;
        var store = state.Store;
        human.MarkupLineInterpolated($"{Title(kind)} stack [bold]{stack.Stack}[/] (project {stack.Project}) on {stack.Cloud.Name} ({connection.Endpoint})");
        var checkpoint = await state.ResolvePendingAsync(console, connection.Provider, cancellationToken);

        IReadOnlyCollection<ObservedResource>? actual = null;
        IReadOnlyCollection<ObservedResource> underManaged = [];
        if (options.Refresh)
        {
            var managed = stack.Registrations.Select(r => r.Id).ToList();
            var parents = managed.Concat(Refresher.ParentsOf(checkpoint.Resources.Select(r => r.Id)));
            var refreshed = await RefreshRenderer.RunAsync(human, console.Interactive && !options.Json, progress =>
                Refresher.RefreshAsync(connection.Provider, parents, TenantRegistration.ChildTypeSegment, TenantRegistration.ApiVersion, interner: interner, progress: progress, cancellationToken: cancellationToken));
            var missing = refreshed.MissingParents.ToHashSet();
            var unregistered = stack.Registrations.Where(r => missing.Contains(r.Id)).ToList();
            if (kind != OperationKind.Destroy && unregistered.Count > 0)
            {
                throw new DiagnosticException([.. unregistered.Select(r => DiagnosticCatalog.RegistrationNotFound(r.Span, r.Key, r.Id.ToString(), stack.Cloud.Name))]);
            }

            actual = refreshed.Resources;
            underManaged = [.. refreshed.Under(managed)];
            Phase("refresh");
        }

        // 3. Plan (with prune candidates, targets and overwrites), check the guards (Planning.PlanGuards) and show.
        var mode = kind == OperationKind.Destroy ? PlanMode.Destroy : PlanMode.Update;
        var plan = Planner.Plan(desired, checkpoint.Resources, actual, mode);
        IReadOnlyList<ObservedResource> candidates = actual is not null && kind != OperationKind.Destroy ? Pruner.Candidates(desired, checkpoint.Resources, underManaged) : [];

        // Other stacks' claims matter only for what this plan could remove: usually nothing, and they are not read.
        var others = candidates.Count > 0 || plan.Steps.Any(s => s.Kind is StepKind.Delete or StepKind.Update)
            ? await ProjectStacks.ClaimedByOthersAsync(options.Directory, stack, cancellationToken)
            : [];
        if (actual is not null && kind != OperationKind.Destroy)
        {
            plan = Pruner.FindUnmanaged(plan, desired, checkpoint.Resources, candidates, others.Keys.ToHashSet(), TenantRegistration.ApiVersion, found => AdoptedNames.UnmanagedUrnOf(stack, found));
            if (options.Prune)
            {
                plan = Pruner.Include(plan);
            }
        }

        // A target that names nothing is a typo: acting on "nothing" would look like success.
        if (Targeting.Unmatched(plan, targets) is { Count: > 0 } unmatched)
        {
            throw new DiagnosticException([.. unmatched.Select(t => DiagnosticCatalog.InvalidFlag($"--target '{DiagnosticCatalog.Excerpt(t.ToString(), 200)}' matches no resource of stack {stack.Stack} (its URNs and ARM ids, in the stack file, the state or Azure). Nothing was changed."))]);
        }

        plan = Targeting.Apply(plan, targets);
        plan = Overwrites.Find(plan, checkpoint.Resources, actual, others, found => AdoptedNames.UnmanagedUrnOf(stack, found));
        var guardOptions = new GuardOptions(mode, kind != OperationKind.Preview, SourceSpan.WholeFile(StackLoader.StackFileName(stack.Stack)))
        {
            Prune = options.Prune,
            AllowMassDelete = options.AllowMassDelete,
            OtherStacks = others,
        };
        var findings = PlanGuards.Check(plan, checkpoint.Resources, guardOptions);
        var refusals = findings.Where(d => d.Level == Severity.Error).ToList();
        Phase("plan");
        PlanRenderer.WriteWarnings(human, warnings);
        PlanRenderer.WritePlan(human, plan, options.ShowSame, options.Diff);
        PlanRenderer.WriteSummary(human, plan);
        foreach (var finding in findings.Where(d => d.Level != Severity.Error))
        {
            DiagnosticRenderer.Write(console.Error, finding);
        }

        warnings = [.. warnings, .. findings.Where(d => d.Level != Severity.Error).Select(d => d.ToString())];

        // A saved plan the world moved away from is refused first: the fresh preview shows what the guards say now.
        if (saved is not null && SavedPlans.Difference(saved, plan, actual) is { } moved)
        {
            throw new DiagnosticException(DiagnosticCatalog.SavedPlanStale(options.PlanFile!, moved));
        }

        if (!plan.Errors.IsEmpty || refusals.Count > 0)
        {
            WriteJson(kind, stack, plan with { Errors = plan.Errors.AddRange(refusals.Select(d => d.ToString())) }, warnings, options);
            throw new DiagnosticException([.. plan.Errors.Select(DiagnosticCatalog.PlanRefused), .. refusals]);
        }

        if (options.SavePlan is not null)
        {
            File.WriteAllText(options.SavePlan, SavedPlanSerializer.Write(SavedPlans.Create(stack.Project, stack.Stack, options, plan, actual)));
            human.MarkupLineInterpolated($"Plan saved to {options.SavePlan}: apply it with 'provision up --stack {stack.Stack} --plan {options.SavePlan}'.");
        }

        if (options.ExpectNoChanges && plan.HasChanges)
        {
            console.Error.MarkupLine("[yellow]Changes are pending and --expect-no-changes was given.[/]");
            WriteJson(kind, stack, plan, warnings, options, withOutputs: kind == OperationKind.Preview);
            return ExitCodes.ChangesPresent;
        }

        if (kind == OperationKind.Preview || !plan.HasChanges)
        {
            OutputsRenderer.Write(human, _outputs, kind == OperationKind.Preview);
            WriteJson(kind, stack, plan, warnings, options, withOutputs: true);
            return ExitCodes.Ok;
        }

        // Blast radius, last line: whatever produced the plan, no request leaves for anything the stack may not touch.
        var outside = stack.Scope.Check(plan.Steps.Where(s => s.IsChange).Select(s => (s.Id, s.Desired?.Type ?? s.Current?.Type)), SourceSpan.CommandLine, "the plan");
        if (outside.Count > 0)
        {
            throw new DiagnosticException(outside);
        }

        // 4. Confirm and apply.
        if (!options.Yes && !await console.Out.ConfirmAsync($"Do you want to perform this {Verb(kind)}?", defaultValue: false, cancellationToken))
        {
            // As Terraform does: declining is not success, so a script that pipes a "no" stops.
            console.Out.MarkupLine("Declined: nothing was changed.");
            return ExitCodes.Failed;
        }

        // The executor abandons requests still in flight well before the process-level bound, so that it saves and unlocks first.
        var drain = ProcessSignals.DefaultDrainBound - TimeSpan.FromSeconds(10);
        var executor = new Executor(connection.Provider, store, new ExecutorOptions { Parallelism = options.Parallel, DrainTimeout = drain });
        var live = console.Interactive && !options.Json;
        var result = await ApplyRenderer.RunAsync(human, live, plan.Steps.Count(s => s.IsChange), progress => executor.ExecuteAsync(plan, checkpoint, progress, cancellationToken));
        WriteJson(kind, stack, plan, warnings, options, result, withOutputs: !result.Cancelled && result.Failed == 0);
        if (result.Cancelled)
        {
            console.Error.MarkupLine("[yellow]Cancelled: steps in flight finished and the state was saved. Run again to finish.[/]");
            return ExitCodes.Cancelled;
        }

        if (result.Failed > 0)
        {
            return ExitCodes.Failed;
        }

        OutputsRenderer.Write(human, _outputs, preview: false);
        return ExitCodes.Ok;
    }

    /// <summary>Releases a connection started for a run that stopped before using it (state locked or invalid); its failure no longer matters.</summary>
    private static async Task AbandonAsync(Task<ProviderConnection> connecting)
    {
        try
        {
            await (await connecting).DisposeAsync();
        }
#pragma warning disable CA1031 // The run has already failed for another reason, which is what the user is told.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    /// <summary>Reads <c>--plan</c>: the reader refuses another stack's plan; it carries its own targets and prune setting.</summary>
    private static SavedPlan ReadSavedPlan(StackDefinition stack, ref OperationOptions options)
    {
        SavedPlan saved;
        if (options.Targets.Count > 0 || options.Prune)
        {
            throw new DiagnosticException(DiagnosticCatalog.InvalidFlag("--plan applies the saved plan's own --target and --prune; do not give them again. Nothing was changed."));
        }

        try
        {
            saved = SavedPlans.Read(options.PlanFile!, new State.StateIdentity(stack.Project, stack.Stack));
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            throw new DiagnosticException(DiagnosticCatalog.SavedPlanInvalid(options.PlanFile!, e.Message), e);
        }

        // Blast radius: a saved plan names only what the stack may touch.
        var outside = stack.Scope.Check(saved.Steps.Select(s => s.Id), SourceSpan.WholeFile(options.PlanFile!), "the saved plan");
        if (outside.Count > 0)
        {
            throw new DiagnosticException(outside);
        }

        options = options with { Targets = saved.Targets, Prune = saved.Prune, Refresh = true };
        return saved;
    }

    /// <summary>With <c>--json</c>, the document; a program's outputs only with <paramref name="withOutputs"/> (a preview, or an up that succeeded).</summary>
    private void WriteJson(OperationKind kind, StackDefinition stack, Plan plan, IReadOnlyList<string> warnings, OperationOptions options, ExecutionResult? result = null, bool withOutputs = false)
    {
        if (options.Json)
        {
            PlanJson.Write(console.Out, PlanJson.Build(Verb(kind), stack.Project, stack.Stack, plan, warnings, result, withOutputs ? _outputs : null));
        }
    }

    /// <summary>With <c>--verbose</c>, one line per finished phase on stderr: what a slow run spent its time on.</summary>
    private void Phase(string name)
    {
        if ((providers as DefaultProviderFactory)?.HttpLog is { } log)
        {
            log(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"phase {name}: done at {_clock.Elapsed.TotalSeconds:F2} s, managed heap {GC.GetTotalMemory(false) / (1024 * 1024)} MB"));
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
