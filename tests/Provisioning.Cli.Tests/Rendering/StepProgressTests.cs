using Provisioning.Cli.Rendering;
using Provisioning.Execution;
using Spectre.Console.Testing;

namespace Provisioning.Cli.Tests.Rendering;

public sealed class StepProgressTests
{
    private readonly ManualClock _clock = new();

    [Fact]
    public void Each_progress_line_carries_the_count_the_recent_rate_and_the_eta()
    {
        var console = new TestConsole();
        console.Profile.Width = 200;
        var progress = new StepProgress(console, total: 4, time: _clock);

        _clock.Advance(TimeSpan.FromSeconds(1));
        progress.Report(new StepEvent(PlanSteps.Create("west", 1), StepStatus.Succeeded));
        _clock.Advance(TimeSpan.FromSeconds(1));
        progress.Report(new StepEvent(PlanSteps.Create("west", 2), StepStatus.Succeeded));

        var lines = console.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("  + created west-tenant2  tenant 00000002-", lines[1], StringComparison.Ordinal);

        // 2 requests in 2 s: 1/s, 2 left.
        Assert.EndsWith("(2/4 · 1.0/s · ETA 2s)", lines[1].TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_failed_step_shows_its_arm_id_and_error_even_without_show_ids()
    {
        var console = new TestConsole();
        console.Profile.Width = 400;
        var progress = new StepProgress(console, total: 1, time: _clock);

        _clock.Advance(TimeSpan.FromSeconds(1));
        progress.Report(new StepEvent(PlanSteps.Create("west", 1), StepStatus.Failed, "Conflict"));

        Assert.Contains($"! create failed west-tenant1  {PlanSteps.Mapping("west", 1)}: Conflict", console.Output, StringComparison.Ordinal);
    }
}
