using Provisioning.Config;
using Provisioning.Diagnostics;
using Provisioning.Engine;
using Provisioning.Execution;
using Provisioning.Planning;
using Provisioning.State;
using Spectre.Console;

namespace Provisioning.Cli.Rendering;

/// <summary>
/// Shows a run on the terminal: people's text on standard output (on standard error with <c>--json</c>, which keeps
/// standard output for the one JSON document), diagnostics and a program's output on standard error, live progress on an
/// interactive terminal, and the prompt.
/// </summary>
internal sealed class CliObserver(CliConsole console, bool json, bool showSame = false, bool diff = false, Action<string>? phaseLog = null) : EngineObserver
{
    private readonly Lock _output = new();

    /// <summary>People's text on standard error even without <c>--json</c>: for import, whose standard output is the stack-file entries.</summary>
    public bool HumanOnStandardError { get; init; }

    /// <summary>Every step line also shows the mapping's ARM id (<c>--show-ids</c>).</summary>
    public bool ShowIds { get; init; }

    private IAnsiConsole Human => json || HumanOnStandardError ? console.Error : console.Out;

    private bool Live => console.Interactive && !json;

    /// <inheritdoc />
    public override bool CanConfirm => Live;

    /// <inheritdoc />
    public override void OnProgramOutput(string line)
    {
        lock (_output)
        {
            console.Error.WriteLine(line, Style.Plain);
        }
    }

    /// <inheritdoc />
    public override void OnDiagnostic(Diagnostic diagnostic) => DiagnosticRenderer.Write(console.Error, diagnostic);

    /// <inheritdoc />
    public override void OnMessage(string text, bool warning)
    {
        if (warning)
        {
            console.Error.MarkupLineInterpolated($"[yellow]{text}[/]");
        }
        else
        {
            console.Error.MarkupLineInterpolated($"{text}");
        }
    }

    /// <inheritdoc />
    public override void OnPhase(string name, TimeSpan elapsed) =>
        phaseLog?.Invoke(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"phase {name}: done at {elapsed.TotalSeconds:F2} s, managed heap {GC.GetTotalMemory(false) / (1024 * 1024)} MB, collections {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} (gen 0/1/2), {GC.GetTotalPauseDuration().TotalSeconds:F2} s paused"));

    /// <inheritdoc />
    public override void OnStart(RunKind kind, StackDefinition stack, string endpoint)
    {
        ArgumentNullException.ThrowIfNull(stack);
        var (title, from) = kind switch
        {
            RunKind.Preview => ("Previewing update of", "on"),
            RunKind.Up => ("Updating", "on"),
            RunKind.Destroy => ("Destroying", "on"),
            RunKind.Refresh => ("Refreshing", "from"),
            _ => ("Importing into", "from"),
        };
        Human.MarkupLineInterpolated($"{title} stack [bold]{stack.Stack}[/] (project {stack.Project}) {from} {stack.Cloud.Name} ({endpoint})");
    }

    /// <inheritdoc />
    public override Task<RefreshResult> RefreshingAsync(Func<IProgress<RefreshProgress>?, Task<RefreshResult>> refresh) =>
        RefreshRenderer.RunAsync(Human, Live, refresh);

    /// <inheritdoc />
    public override void OnPlan(RunKind kind, Plan plan, IReadOnlyList<string> warnings, IReadOnlyList<DriftedResource> drift)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (kind == RunKind.Refresh)
        {
            PlanRenderer.WritePlan(Human, plan, showSame, diff, ShowIds);
            if (plan.HasChanges)
            {
                Human.MarkupLineInterpolated($"Drift: [yellow]{plan.Count(StepKind.Update)} drifted[/], [grey]{plan.Count(StepKind.Forget)} gone[/], {plan.Count(StepKind.Same)} as recorded.");
            }
            else
            {
                Human.MarkupLineInterpolated($"No drift: {plan.Count(StepKind.Same)} resources as recorded.");
            }

            return;
        }

        // What changed in Azure since the last run comes first, apart from what this run will change.
        DriftRenderer.Write(Human, drift, ShowIds);
        if (drift.Count > 0)
        {
            Human.WriteLine();
        }

        PlanRenderer.WriteWarnings(Human, warnings);
        PlanRenderer.WritePlan(Human, plan, showSame, diff, ShowIds);
        PlanRenderer.WriteSummary(Human, plan);
    }

    /// <inheritdoc />
    public override void OnImport(IReadOnlyList<ResourceState> adopted)
    {
        ArgumentNullException.ThrowIfNull(adopted);
        foreach (var r in adopted)
        {
            console.Error.MarkupLineInterpolated($"  [cyan]< import[/] {r.Urn.Name}  {r.Id}  tenant {r.Properties.GetValueOrDefault(AzureStack.TenantRegistration.TenantIdProperty)}");
        }
    }

    /// <inheritdoc />
    public override Task<bool> ConfirmAsync(RunKind kind, string question, CancellationToken cancellationToken) =>
        Human.ConfirmAsync(question, defaultValue: false, cancellationToken);

    /// <inheritdoc />
    public override Task<ExecutionResult> ApplyingAsync(int changes, Func<IProgress<StepEvent>?, Task<ExecutionResult>> apply) =>
        ApplyRenderer.RunAsync(Human, Live, changes, progress => apply(progress), ShowIds);
}
