using System.Text;
using Provisioning.Diagnostics;
using Provisioning.Engine;
using Provisioning.Execution;
using Provisioning.Planning;
using static Provisioning.Cli.Rendering.Markdown.MarkdownText;

namespace Provisioning.Cli.Rendering.Markdown;

/// <summary>
/// The run as Markdown, for <c>--markdown FILE</c> and a GitHub Actions job summary (<c>GITHUB_STEP_SUMMARY</c>):
/// a heading, how it ended, the counts, the refusals, the drift apart from the changes, the deletes first with what
/// they mean for billing, the other changes by registration, then the unmanaged and overwritten mappings. Every mapping
/// is shown with its full ARM id.
/// </summary>
internal static partial class MarkdownReport
{
    /// <summary>The report of a run that returned a result.</summary>
    public static string Build(StackRunResult run, RowBudget? budget = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        budget ??= new RowBudget();
        var status = RunStatus.Of(run.Outcome);
        var plan = run.Plan;
        var markdown = new StringBuilder();
        markdown.Append($"## provision {PlanJsonOperation(run.Kind)} · stack {Code(run.Stack)} · project {Code(run.Project)}\n\n");
        markdown.Append($"**{Escape(Title(status))}**: {Escape(RunStatus.Explain(run.Kind, status))}.\n\n");
        WriteCounts(markdown, run);
        WriteDiagnostics(markdown, "Refused", run.Diagnostics);
        if (run.Warnings.Count > 0)
        {
            markdown.Append("### Warnings\n\n");
            foreach (var warning in run.Warnings)
            {
                markdown.Append("- ").Append(Escape(warning)).Append('\n');
            }

            markdown.Append('\n');
        }

        WriteDrift(markdown, run.Drift, budget);
        if (run.Kind != RunKind.Refresh)
        {
            // For refresh the plan is the drift above: the state takes what Azure holds.
            var outcomes = Outcomes(run.Execution);
            WriteDeletes(markdown, plan, outcomes, budget);
            WriteChanges(markdown, plan, outcomes, budget);
            WriteUnmanaged(markdown, plan, budget);
        }

        return markdown.ToString();
    }

    /// <summary>The report of a run that stopped on an error before it had a result.</summary>
    public static string Errored(RunKind kind, string stack, IReadOnlyList<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var markdown = new StringBuilder();
        markdown.Append($"## provision {PlanJsonOperation(kind)} · stack {Code(stack)}\n\n");
        markdown.Append($"**{Escape(Title(RunStatus.Errored))}**: {Escape(RunStatus.Explain(kind, RunStatus.Errored))}.\n\n");
        WriteDiagnostics(markdown, "Errors", diagnostics);
        return markdown.ToString();
    }

    private static string PlanJsonOperation(RunKind kind) => Json.PlanJson.Operation(kind);

    private static string Title(string status) => status switch
    {
        "changes_present" => "Changes present",
        "completed" => "Completed",
        _ => char.ToUpperInvariant(status[0]) + status[1..],
    };

    private static void WriteCounts(StringBuilder markdown, StackRunResult run)
    {
        var plan = run.Plan;
        markdown.Append("| create | update | delete | adopt | forget | unchanged | unmanaged | drifted |\n");
        markdown.Append("|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        markdown.Append($"| {plan.Count(StepKind.Create)} | {plan.Count(StepKind.Update)} | {plan.Removals} | {plan.Count(StepKind.Adopt)} | {plan.Count(StepKind.Forget)} | {plan.Count(StepKind.Same)} | {plan.Unmanaged.Length} | {run.Drift.Count} |\n\n");
        if (run.Execution is { } applied)
        {
            var skipped = applied.Outcomes.Count(o => o.Status == StepStatus.Skipped);
            markdown.Append($"Applied: {applied.Succeeded} succeeded, {applied.Failed} failed, {skipped} not started{(applied.Cancelled ? " (cancelled)" : string.Empty)}.\n\n");
        }
    }

    private static void WriteDiagnostics(StringBuilder markdown, string title, IReadOnlyList<Diagnostic> diagnostics)
    {
        if (diagnostics.Count == 0)
        {
            return;
        }

        markdown.Append($"### {title}\n\n");
        foreach (var d in diagnostics)
        {
            var level = d.Level == Severity.Error ? "error" : "warning";
            markdown.Append($"- {level} **{Escape(d.Code)}** {Code(d.Span.ToString())}: {Escape(d.Message)}\n");
        }

        markdown.Append('\n');
    }

    private static Dictionary<Step, StepEvent>? Outcomes(ExecutionResult? execution)
    {
        if (execution is null)
        {
            return null;
        }

        var outcomes = new Dictionary<Step, StepEvent>(ReferenceEqualityComparer.Instance);
        foreach (var o in execution.Outcomes)
        {
            outcomes[o.Step] = o;
        }

        return outcomes;
    }

    /// <summary>How an applied step ended, for the result column.</summary>
    private static string Result(Step step, Dictionary<Step, StepEvent> outcomes) => outcomes.GetValueOrDefault(step) switch
    {
        null or { Status: StepStatus.Skipped } => "not started",
        { Status: StepStatus.Failed } failed => $"failed: {Escape(failed.Error)}",
        _ => "succeeded",
    };
}
