using System.Diagnostics;
using Provisioning.Execution;
using Spectre.Console;

namespace Provisioning.Cli.Rendering;

/// <summary>Drives a Spectre progress task from step events: done/total, requests per second, failures.</summary>
internal sealed class LiveStepProgress(ProgressTask task, int total) : IProgress<StepEvent>
{
    private readonly Lock _lock = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
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
            if (value.Status == StepStatus.Failed)
            {
                _failed++;
            }

            var rate = _done / Math.Max(_clock.Elapsed.TotalSeconds, 0.001);
            var failed = _failed > 0 ? $" · [red]{_failed} failed[/]" : string.Empty;
            task.Description = $"{_done}/{total} requests · {rate:0.0}/s{failed}";
            task.Increment(1);
        }
    }
}
