namespace Provisioning.Bench;

/// <summary>Runs every figure of issue 7 in order, P1 to P5, and returns the rows of the table.</summary>
internal static class BenchHarness
{
    public static async Task<IReadOnlyList<BenchRow>> RunAsync(BenchSettings settings, CliProcess cli, Action<string> progress, CancellationToken cancellationToken = default)
    {
        var rows = new List<BenchRow>();
        progress("P1 scale: generating and previewing the large stack…");
        rows.AddRange(await ScaleBenchmarks.ScaleAsync(cli, settings, cancellationToken));
        progress("P2 throttled apply…");
        rows.AddRange(await ApplyBenchmarks.ThrottledApplyAsync(settings, cancellationToken));
        progress("P3 state cost…");
        rows.AddRange(await StateCostBenchmark.RunAsync(settings, cancellationToken));
        progress("P4 fan-out…");
        rows.AddRange(await ApplyBenchmarks.FanOutAsync(settings, cancellationToken));
        progress("P5 cold start…");
        rows.AddRange(await ScaleBenchmarks.ColdStartAsync(cli, settings, cancellationToken));
        return rows;
    }
}
