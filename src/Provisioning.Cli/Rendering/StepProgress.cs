using Provisioning.Execution;
using Provisioning.Planning;
using Spectre.Console;

namespace Provisioning.Cli.Rendering;

/// <summary>
/// Prints one line per finished step with a running count, the recent rate and the time left (<see cref="ThroughputWindow"/>),
/// then the outcome summary. A step is named by its URN name and tenant; with <paramref name="showIds"/> also by its ARM id
/// (a failure always shows it).
/// </summary>
internal sealed class StepProgress(IAnsiConsole console, int total, bool showIds = false, TimeProvider? time = null) : IProgress<StepEvent>
{
    private readonly Lock _lock = new();
    private readonly ThroughputWindow _rate = new(time);
    private int _done;

    /// <inheritdoc />
    public void Report(StepEvent value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!value.IsFinishedRequest)
        {
            return;
        }

        lock (_lock)
        {
            _done++;
            _rate.Record();
            var count = $"({_done}/{total} · {_rate.Describe(total - _done)})";
            var (symbol, verb, colour) = PlanRenderer.Style(value.Step.Kind);
            if (value.Status == StepStatus.Succeeded)
            {
                console.MarkupLine($"  [{colour}]{symbol} {verb}d[/] {PlanRenderer.Name(value.Step, showIds)}  [grey]{Markup.Escape(count)}[/]");
            }
            else
            {
                console.MarkupLineInterpolated($"  [red]! {verb} failed[/] {value.Step.Urn.Name}  {value.Step.Id}: {value.Error}  [grey]{count}[/]");
            }
        }
    }

    /// <summary>Writes the outcome counts.</summary>
    public void WriteSummary(ExecutionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var changes = result.Outcomes.Where(o => o.Step.IsChange).ToList();
        int Count(StepKind kind) => changes.Count(o => o.Step.Kind == kind && o.Status == StepStatus.Succeeded);
        var failed = changes.Count(o => o.Status == StepStatus.Failed);
        var skipped = changes.Count(o => o.Status == StepStatus.Skipped);
        var colour = failed > 0 ? "red" : "green";
        var adopted = result.Outcomes.Count(o => o.Step.Kind == StepKind.Adopt && o.Status == StepStatus.Succeeded);
        var adoptedText = adopted > 0 ? $", {adopted} adopted into the state" : string.Empty;
        console.MarkupLineInterpolated($"[{colour}]Done: {Count(StepKind.Create)} created, {Count(StepKind.Update)} updated, {Count(StepKind.Delete)} deleted{adoptedText}, {failed} failed, {skipped} not started.[/]");
    }
}
