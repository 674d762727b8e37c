namespace Provisioning.Bench;

/// <summary>Runs the figures of issues 7, 12 and 14 in order, P1 to P7 (or only those asked for), and returns the rows of the table.</summary>
internal static class BenchHarness
{
    /// <summary>Every figure, in the order of the table.</summary>
    public static IReadOnlyList<string> Figures { get; } = ["P1", "P2", "P3", "P4", "P5", "P6", "P7"];

    public static async Task<IReadOnlyList<BenchRow>> RunAsync(
        BenchSettings settings, CliProcess cli, Action<string> progress, IReadOnlyCollection<string>? only = null, CancellationToken cancellationToken = default)
    {
        bool Wanted(string figure) => only is null || only.Count == 0 || only.Contains(figure, StringComparer.OrdinalIgnoreCase);
        var rows = new List<BenchRow>();
        if (Wanted("P1"))
        {
            progress("P1 scale: generating and previewing the large stack…");
            rows.AddRange(await ScaleBenchmarks.ScaleAsync(cli, settings, cancellationToken));
        }

        if (Wanted("P2"))
        {
            progress("P2 throttled apply…");
            rows.AddRange(await ApplyBenchmarks.ThrottledApplyAsync(settings, cancellationToken));
        }

        if (Wanted("P3"))
        {
            progress("P3 state cost…");
            rows.AddRange(await StateCostBenchmark.RunAsync(settings, cancellationToken));
        }

        if (Wanted("P4"))
        {
            progress("P4 fan-out…");
            rows.AddRange(await ApplyBenchmarks.FanOutAsync(settings, cancellationToken));
        }

        if (Wanted("P5"))
        {
            progress("P5 cold start…");
            rows.AddRange(await ScaleBenchmarks.ColdStartAsync(cli, settings, cancellationToken));
        }

        if (Wanted("P6"))
        {
            progress("P6 C# program preview (the first run builds it)…");
            rows.AddRange(await ProgramBenchmarks.ProgramPreviewAsync(cli, settings, cancellationToken));
        }

        if (Wanted("P7"))
        {
            progress("P7 cost growth: generating and previewing each size…");
            rows.AddRange(await ScaleBenchmarks.GrowthAsync(cli, settings, progress, cancellationToken));
        }

        return rows;
    }
}
