using Provisioning.Execution;
using Provisioning.Planning;
using Spectre.Console;

namespace Provisioning.Cli.Rendering;

/// <summary>Prints one line per finished step with a running count, then the outcome summary.</summary>
internal sealed class StepProgress(IAnsiConsole console, int total) : IProgress<StepEvent>
{
    private readonly Lock _lock = new();
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
            var (symbol, verb, colour) = PlanRenderer.Style(value.Step.Kind);
            if (value.Status == StepStatus.Succeeded)
            {
                console.MarkupLineInterpolated($"  [{colour}]{symbol} {verb}d[/] {value.Step.Id}  tenant {PlanRenderer.Tenant(value.Step)}  [grey]({_done}/{total})[/]");
            }
            else
            {
                console.MarkupLineInterpolated($"  [red]! {verb} failed[/] {value.Step.Id}: {value.Error}  [grey]({_done}/{total})[/]");
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
