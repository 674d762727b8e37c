using Provisioning.Execution;
using Spectre.Console;

namespace Provisioning.Cli.Rendering;

/// <summary>Drives a Spectre progress task from step events: done/total, the recent rate and the time left (<see cref="ThroughputWindow"/>), failures.</summary>
internal sealed class LiveStepProgress(ProgressTask task, int total, TimeProvider? time = null) : IProgress<StepEvent>
{
    private readonly Lock _lock = new();
    private readonly ThroughputWindow _rate = new(time);
    private int _done;
    private int _failed;

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
            if (value.Status == StepStatus.Failed)
            {
                _failed++;
            }

            task.Description = Describe(_done, total, _failed, _rate);
            task.Increment(1);
        }
    }

    /// <summary>The markup of the bar's description: <c>12/600 requests · 8.5/s · ETA 1m 09s</c>, and the failures when there are any.</summary>
    public static string Describe(int done, int total, int failed, ThroughputWindow rate)
    {
        ArgumentNullException.ThrowIfNull(rate);
        var failures = failed > 0 ? $" · [red]{failed} failed[/]" : string.Empty;
        return $"{done}/{total} requests · {Markup.Escape(rate.Describe(total - done))}{failures}";
    }
}
