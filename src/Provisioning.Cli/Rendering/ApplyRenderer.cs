using Provisioning.Execution;
using Provisioning.Planning;
using Spectre.Console;

namespace Provisioning.Cli.Rendering;

/// <summary>
/// Shows an apply as it runs: a live Spectre progress bar with counts, the recent rate and the time left, then a summary table on an
/// interactive terminal; one plain line per finished step and a one-line summary otherwise (CI, pipes, --json).
/// </summary>
internal static class ApplyRenderer
{
    /// <summary>Runs <paramref name="apply"/> with the progress display that fits the console; plain lines name the ARM id with <paramref name="showIds"/>.</summary>
    public static async Task<ExecutionResult> RunAsync(IAnsiConsole console, bool live, int total, Func<IProgress<StepEvent>, Task<ExecutionResult>> apply, bool showIds = false)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(apply);
        if (!live)
        {
            var lines = new StepProgress(console, total, showIds);
            var plain = await apply(lines);
            lines.WriteSummary(plain);
            return plain;
        }

        ExecutionResult? result = null;
        await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask($"0/{total} requests", maxValue: Math.Max(total, 1));
                result = await apply(new LiveStepProgress(task, total));

                // A cancelled run stops where it was: the bar never claims what was not done.
                if (!result.Cancelled)
                {
                    task.Value = task.MaxValue;
                }

                task.StopTask();
            });
        WriteFailures(console, result!);
        WriteTable(console, result!);
        return result!;
    }

    private static void WriteFailures(IAnsiConsole console, ExecutionResult result)
    {
        foreach (var failure in result.Outcomes.Where(o => o.Status == StepStatus.Failed))
        {
            var (_, verb, _) = PlanRenderer.Style(failure.Step.Kind);
            console.MarkupLineInterpolated($"  [red]! {verb} failed[/] {failure.Step.Id}: {failure.Error}");
        }
    }

    private static void WriteTable(IAnsiConsole console, ExecutionResult result)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("[bold]Summary[/]")
            .AddColumn("action").AddColumn(new TableColumn("succeeded").RightAligned())
            .AddColumn(new TableColumn("failed").RightAligned()).AddColumn(new TableColumn("not started").RightAligned());
        foreach (var kind in new[] { StepKind.Create, StepKind.Update, StepKind.Delete })
        {
            var steps = result.Outcomes.Where(o => o.Step.Kind == kind).ToList();
            if (steps.Count == 0)
            {
                continue;
            }

            var (symbol, verb, colour) = PlanRenderer.Style(kind);
            table.AddRow(
                $"[{colour}]{symbol} {verb}[/]",
                steps.Count(o => o.Status == StepStatus.Succeeded).ToString(),
                Colour(steps.Count(o => o.Status == StepStatus.Failed), "red"),
                Colour(steps.Count(o => o.Status == StepStatus.Skipped), "yellow"));
        }

        console.Write(table);
        var colourOfDone = result.Failed > 0 ? "red" : "green";
        console.MarkupLine($"[{colourOfDone}]Done: {result.Outcomes.Count(o => o.Step.IsChange && o.Status == StepStatus.Succeeded)} request(s) succeeded, {result.Failed} failed.[/]");
    }

    private static string Colour(int count, string colour) => count == 0 ? "0" : $"[{colour}]{count}[/]";
}
