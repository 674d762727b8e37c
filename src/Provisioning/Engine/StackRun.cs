using Provisioning.AzureStack;
using Provisioning.Config;
using Provisioning.Diagnostics;
using Provisioning.Execution;
using Provisioning.Model;
using Provisioning.Planning;
using Provisioning.Programs;

namespace Provisioning.Engine;

/// <summary>
/// The one run sequence of preview, up and destroy: validate all input, lock the state, connect, resolve what an
/// interrupted run left pending, refresh by listing, plan (prune, targets, overwrites), check the guards and the saved
/// plan, show, then (for up and destroy) confirm and apply, persisting each step.
/// </summary>
internal sealed class StackRun(WorkspaceStack stack, RunOptions options)
{
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();
    private readonly EngineObserver _observer = stack.Workspace.Options.Observer;

    public async Task<StackRunResult> RunAsync(RunKind kind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var workspace = stack.Workspace;

        // 1. Every input is validated before anything is contacted.
        var sourced = await stack.LoadSourcedAsync(kind == RunKind.Preview, cancellationToken).ConfigureAwait(false);
        var definition = sourced.Loaded.Stack!;
        var outputs = kind == RunKind.Destroy ? null : sourced.Outputs;
        Phase("stack read");
        if (kind != RunKind.Preview && !options.Yes && !_observer.CanConfirm)
        {
            throw new DiagnosticException(DiagnosticCatalog.ConfirmationNeeded(Verb(kind)));
        }

        // A pipeline's runner forgets its files: state kept there is state lost, and the next run would delete nothing. The
        // embedded emulator (cloud: local) is exempt: its "Azure" lives in the same work folder and goes with it.
        if (kind is RunKind.Up or RunKind.Destroy && options.ContinuousIntegration && !options.AllowLocalState && definition.BackendUrl is null && !definition.Cloud.IsLocal)
        {
            throw new DiagnosticException(DiagnosticCatalog.LocalStateInCi(Verb(kind), definition.Stack));
        }

        var run = options;
        SavedPlan? saved = null;
        if (options.PlanFile is not null)
        {
            (saved, run) = ReadSavedPlan(definition, options);
        }

        // 2. Lock the state; then connect (for cloud: local, start the embedded emulator) while the desired resources are
        // made and the state is read. Nothing is sent before the state is known to be valid.
        var folder = workspace.FolderOf(definition);
        var providers = workspace.Providers;
        await using var state = await StateSession.LockAsync(workspace.Options.StateBackend, _observer, definition, folder, kind == RunKind.Preview ? null : Verb(kind), cancellationToken).ConfigureAwait(false);
        var connecting = Task.Run(() => providers.ConnectAsync(definition, folder, cancellationToken), cancellationToken);
        var connected = false;
        try
        {
            var desired = kind == RunKind.Destroy
                ? new ResourceGraph(definition.Project, definition.Stack, [])
                : definition.Expand();
            var warnings = kind == RunKind.Destroy ? [] : CoverageWarnings.Check(definition);

            // The state and the refresh take every id, URN and value equal to a desired one from the desired graph.
            var interner = Interner.From(desired);
            Phase("desired resources");
            await state.ReadAsync(interner, cancellationToken).ConfigureAwait(false);
            Phase("state read");
            connected = true;
            await using var connection = await connecting.ConfigureAwait(false);
            Phase("connected");
            var context = new Connected(kind, run, definition, desired, interner, warnings, saved, state, connection, outputs);
            return await RunConnectedAsync(context, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (!connected)
            {
                await AbandonAsync(connecting).ConfigureAwait(false);
            }
        }
    }

    private sealed record Connected(
        RunKind Kind,
        RunOptions Options,
        StackDefinition Stack,
        ResourceGraph Desired,
        Interner Interner,
        IReadOnlyList<string> Warnings,
        SavedPlan? Saved,
        StateSession State,
        ProviderConnection Connection,
        IReadOnlyList<ProgramOutput>? Outputs);

    private async Task<StackRunResult> RunConnectedAsync(Connected run, CancellationToken cancellationToken)
    {
        var (kind, options, definition, desired, interner, warnings, saved, state, connection, outputs) = run;
        _observer.OnStart(kind, definition, connection.Endpoint);
        var checkpoint = await state.ResolvePendingAsync(connection.Provider, cancellationToken).ConfigureAwait(false);

        IReadOnlyCollection<ObservedResource>? actual = null;
        var managed = definition.Registrations.Select(r => r.Id).ToList();
        if (options.Refresh)
        {
            var parents = managed.Concat(Refresher.ParentsOf(checkpoint.Resources.Select(r => r.Id)));
            var refreshed = await _observer.RefreshingAsync(progress =>
                Refresher.RefreshAsync(connection.Provider, parents, TenantRegistration.ChildTypeSegment, TenantRegistration.ApiVersion, interner: interner, progress: progress, cancellationToken: cancellationToken)).ConfigureAwait(false);
            var missing = refreshed.MissingParents.ToHashSet();
            var unregistered = definition.Registrations.Where(r => missing.Contains(r.Id)).ToList();
            if (kind != RunKind.Destroy && unregistered.Count > 0)
            {
                throw new DiagnosticException([.. unregistered.Select(r => DiagnosticCatalog.RegistrationNotFound(r.Span, r.Key, r.Id.ToString(), definition.Cloud.Name))]);
            }

            actual = refreshed.Resources;
            Phase("refresh");
        }

        // 3. Plan (with prune candidates, targets and overwrites), check the guards (Planning.PlanGuards) and show.
        var mode = kind == RunKind.Destroy ? PlanMode.Destroy : PlanMode.Update;
        var noted = actual is null ? null : new List<(State.ResourceState Recorded, State.ResourceState? Found)>();
        var unplanned = actual is null ? null : new List<ObservedResource>();
        var plan = Planner.Plan(desired, checkpoint.Resources, actual, mode, noted, unplanned);
        IReadOnlyList<ObservedResource> candidates = unplanned is not null && kind != RunKind.Destroy ? Pruner.Candidates(unplanned, managed) : [];

        // Other stacks' claims matter only for what this plan could remove: usually nothing, and they are not read.
        var others = candidates.Count > 0 || plan.Steps.Any(s => s.Kind is StepKind.Delete or StepKind.Update)
            ? await ProjectStacks.ClaimedByOthersAsync(stack.Workspace, definition, cancellationToken).ConfigureAwait(false)
            : [];
        if (actual is not null && kind != RunKind.Destroy)
        {
            plan = Pruner.FindUnmanaged(plan, desired, checkpoint.Resources, candidates, others.Keys.ToHashSet(), TenantRegistration.ApiVersion, found => AdoptedNames.UnmanagedUrnOf(definition, found));
            if (options.Prune)
            {
                plan = Pruner.Include(plan);
            }
        }

        // A target that names nothing is a typo: acting on "nothing" would look like success.
        var targets = options.Targets.Select(t => new TargetPattern(t)).ToList();
        if (Targeting.Unmatched(plan, targets) is { Count: > 0 } unmatched)
        {
            throw new DiagnosticException([.. unmatched.Select(t => DiagnosticCatalog.InvalidFlag($"--target '{DiagnosticCatalog.Excerpt(t.ToString(), 200)}' matches no resource of stack {definition.Stack} (its URNs and ARM ids, in the stack file, the state or Azure). Nothing was changed."))]);
        }

        plan = Targeting.Apply(plan, targets);
        plan = Overwrites.Find(plan, checkpoint.Resources, actual, others, found => AdoptedNames.UnmanagedUrnOf(definition, found));
        var guardOptions = new GuardOptions(mode, kind != RunKind.Preview, SourceSpan.WholeFile(StackLoader.StackFileName(definition.Stack)))
        {
            Prune = options.Prune,
            AllowMassDelete = options.AllowMassDelete,
            OtherStacks = others,
        };
        var findings = PlanGuards.Check(plan, checkpoint.Resources, guardOptions);
        var refusals = findings.Where(d => d.Level == Severity.Error).ToList();
        Phase("plan");
        var drift = noted is null ? [] : DriftedResource.Of(noted);
        _observer.OnPlan(kind, plan, warnings, drift);
        foreach (var finding in findings.Where(d => d.Level != Severity.Error))
        {
            _observer.OnDiagnostic(finding);
        }

        warnings = [.. warnings, .. findings.Where(d => d.Level != Severity.Error).Select(d => d.ToString())];
        var result = new StackRunResult(kind, definition.Project, definition.Stack, RunOutcome.Succeeded, plan) {
            Warnings = warnings,
            Endpoint = connection.Endpoint,
            Desired = desired,
            Drift = drift,
        };

        // A saved plan the world moved away from is refused first: the fresh preview shows what the guards say now.
        if (saved is not null && SavedPlans.Difference(saved, plan, actual) is { } moved)
        {
            throw new DiagnosticException(DiagnosticCatalog.SavedPlanStale(options.PlanFile!, moved));
        }

        if (!plan.Errors.IsEmpty || refusals.Count > 0)
        {
            return result with
            {
                Outcome = RunOutcome.Refused,
                Plan = plan with { Errors = plan.Errors.AddRange(refusals.Select(d => d.ToString())) },
                Diagnostics = [.. plan.Errors.Select(DiagnosticCatalog.PlanRefused), .. refusals],
            };
        }

        if (options.SavePlan is not null)
        {
            await File.WriteAllTextAsync(options.SavePlan, SavedPlanSerializer.Write(SavedPlans.Create(definition.Project, definition.Stack, options, plan, actual)), cancellationToken).ConfigureAwait(false);
            result = result with { SavedPlan = options.SavePlan };
        }

        if (options.ExpectNoChanges && (plan.HasChanges || (options.FailOnUnmanaged && !plan.Unmanaged.IsEmpty)))
        {
            return result with { Outcome = RunOutcome.ChangesPresent, Outputs = kind == RunKind.Preview ? outputs : null };
        }

        if (kind == RunKind.Preview || !plan.HasChanges)
        {
            return result with { Outputs = outputs };
        }

        // Blast radius, last line: whatever produced the plan, no request leaves for anything the stack may not touch.
        var outside = definition.Scope.Check(plan.Steps.Where(s => s.IsChange).Select(s => (s.Id, s.Desired?.Type ?? s.Current?.Type)), SourceSpan.CommandLine, "the plan");
        if (outside.Count > 0)
        {
            throw new DiagnosticException(outside);
        }

        // 4. Confirm and apply.
        if (!options.Yes && !await _observer.ConfirmAsync(kind, $"Do you want to perform this {Verb(kind)}?", cancellationToken).ConfigureAwait(false))
        {
            return result with { Outcome = RunOutcome.Declined };
        }

        var executor = new Executor(connection.Provider, state.Store, new ExecutorOptions { Parallelism = options.Parallelism, DrainTimeout = options.DrainTimeout });
        var execution = await _observer.ApplyingAsync(plan.Steps.Count(s => s.IsChange), progress => executor.ExecuteAsync(plan, checkpoint, progress, cancellationToken)).ConfigureAwait(false);
        var outcome = execution.Cancelled ? RunOutcome.Cancelled : execution.Failed > 0 ? RunOutcome.Failed : RunOutcome.Succeeded;
        return result with { Outcome = outcome, Execution = execution, Outputs = outcome == RunOutcome.Succeeded ? outputs : null };
    }

    /// <summary>Releases a connection started for a run that stopped before using it (state locked or invalid); its failure no longer matters.</summary>
    private static async Task AbandonAsync(Task<ProviderConnection> connecting)
    {
        try
        {
            await (await connecting.ConfigureAwait(false)).DisposeAsync().ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The run has already failed for another reason, which is what the caller is told.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    /// <summary>Reads the saved plan: the reader refuses another stack's plan; it carries its own targets and prune setting.</summary>
    private static (SavedPlan Saved, RunOptions Options) ReadSavedPlan(StackDefinition stack, RunOptions options)
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

        return (saved, options with { Targets = saved.Targets, Prune = saved.Prune, Refresh = true });
    }

    private void Phase(string name) => _observer.OnPhase(name, _clock.Elapsed);

    internal static string Verb(RunKind kind) => kind.ToString().ToLowerInvariant();
}
