using System.Diagnostics;
using System.Globalization;

namespace Provisioning.Bench;

/// <summary>P1 (no-change preview of a large stack), P5 (cold start of a small one) and P7 (cost growth to 1,000,000 mappings): whole <c>provision</c> processes.</summary>
internal static class ScaleBenchmarks
{
    private const double MiB = 1024 * 1024;

    /// <summary>
    /// P1 as the issue defines it: the standalone emulator in its own process on loopback HTTPS, the stack pointing at it,
    /// and the wall time and peak memory of the <c>provision</c> process alone; then, for reference and without a goal,
    /// the same preview on <c>cloud: local</c>, where the embedded emulator (its 100,000 mappings and the serving of every
    /// page) runs inside the measured process.
    /// </summary>
    public static async Task<IReadOnlyList<BenchRow>> ScaleAsync(CliProcess cli, BenchSettings settings, CancellationToken cancellationToken = default)
    {
        var mappings = string.Create(CultureInfo.InvariantCulture, $"{settings.ScaleRegistrations * settings.ScaleTenants:N0} mappings");
        var size = string.Create(CultureInfo.InvariantCulture, $"{mappings} ({settings.ScaleRegistrations} × {settings.ScaleTenants})");
        var standalone = (await MeasureStandaloneAsync(cli, settings.ScaleRegistrations, settings.ScaleTenants, settings.ScaleRuns, null, cancellationToken)).Runs;

        List<CliRun> embedded;
        using (var local = await ScaleProject.CreateAsync("big", settings.ScaleRegistrations, settings.ScaleTenants, cancellationToken: cancellationToken))
        {
            embedded = await RunPreviewsAsync(cli, local, settings.ScaleRuns, null, cancellationToken);
        }

        var seconds = Stats.Median(standalone.Select(r => r.Elapsed.TotalSeconds));
        var megabytes = Stats.Median(standalone.Select(r => r.PeakBytes / MiB));
        var detail = string.Create(CultureInfo.InvariantCulture, $"{size}; standalone emulator (own process, loopback HTTPS, pages of 1,000, warmed by one unmeasured run); throttling off: against Azure, ARM's read bucket would bound the refresh, and that wait is not the client's cost; median of {standalone.Count}: {Runs(standalone)}");
        var embeddedSeconds = Stats.Median(embedded.Select(r => r.Elapsed.TotalSeconds));
        var embeddedDetail = string.Create(CultureInfo.InvariantCulture, $"{size}; cloud: local, the emulator inside the measured process; median of {embedded.Count}: {Runs(embedded)}");
        return
        [
            new BenchRow("P1", $"preview {mappings} (refresh, no change): wall", seconds, "s", "≤ 3 s", seconds <= 3, detail),
            new BenchRow("P1", $"preview {mappings}: peak memory (MaxRSS)", megabytes, "MB", "≤ 300 MB", megabytes <= 300, detail),
            new BenchRow("P1", "P1 with the embedded emulator (cloud: local), for reference: wall", embeddedSeconds, "s", string.Empty, null, embeddedDetail),
        ];
    }

    /// <summary>
    /// P7 (issue 14): the no-change preview with refresh of P1 at growing sizes (10,000, 100,000 and 1,000,000 mappings by
    /// default, <see cref="BenchSettings.GrowthRegistrations"/> registrations × as many tenants as make the size), each
    /// generated once and measured as P1 is: standalone emulator, pages of 1,000, one unmeasured warm-up run, then the
    /// median of <see cref="BenchSettings.GrowthRuns"/> (one run only when the warm-up took longer than
    /// <see cref="BenchSettings.GrowthSingleRunAbove"/>). Rows: wall and MaxRSS per size, the generation time per size,
    /// and the ratio of the wall times of consecutive sizes.
    /// </summary>
    public static async Task<IReadOnlyList<BenchRow>> GrowthAsync(CliProcess cli, BenchSettings settings, Action<string> progress, CancellationToken cancellationToken = default)
    {
        var sizes = settings.GrowthSizes.Where(s => s <= settings.GrowthMax).Order().ToList();
        if (sizes.Count == 0)
        {
            sizes.Add(settings.GrowthMax);
        }

        var rows = new List<BenchRow>();
        var measured = new List<(int Size, double Seconds)>();
        foreach (var size in sizes)
        {
            var registrations = Math.Min(settings.GrowthRegistrations, size);
            var tenants = size / registrations;
            var mappings = registrations * tenants;
            var label = string.Create(CultureInfo.InvariantCulture, $"{mappings:N0} mappings");
            if (mappings >= Million && FreeTemporaryBytes() is { } free && free < settings.GrowthMinFreeBytesAtMillion)
            {
                progress(string.Create(CultureInfo.InvariantCulture,
                    $"P7: skipping {label}: {Path.GetTempPath()} has {free / GiB:F1} GB free, {settings.GrowthMinFreeBytesAtMillion / GiB:F0} GB are needed"));
                continue;
            }

            progress(string.Create(CultureInfo.InvariantCulture, $"P7: {label} ({registrations} × {tenants}): generating…"));
            var result = await MeasureStandaloneAsync(cli, registrations, tenants, settings.GrowthRuns, settings.GrowthSingleRunAbove, cancellationToken, progress);
            var seconds = Stats.Median(result.Runs.Select(r => r.Elapsed.TotalSeconds));
            var megabytes = Stats.Median(result.Runs.Select(r => r.PeakBytes / MiB));
            var large = mappings >= Million;
            var detail = string.Create(CultureInfo.InvariantCulture,
                $"{label} ({registrations} × {tenants}); standalone emulator (own process, loopback HTTPS, pages of 1,000, throttling off), warm-up {result.WarmUp.Elapsed.TotalSeconds:F2} s; median of {result.Runs.Count}: {Runs(result.Runs)}");
            rows.Add(new BenchRow("P7", $"growth: preview {label} (refresh, no change): wall", seconds, "s", large ? "≤ 15 s" : string.Empty, large ? seconds <= 15 : null, detail));
            rows.Add(new BenchRow("P7", $"growth: preview {label}: peak memory (MaxRSS)", megabytes, "MB", large ? "≤ 1.5 GB" : string.Empty, large ? megabytes <= 1536 : null, detail));
            rows.Add(new BenchRow("P7", $"growth: generating {label} (stack, emulator data, state)", result.Generation.TotalSeconds, "s", string.Empty, null,
                string.Create(CultureInfo.InvariantCulture, $"in the harness's process, once per run; {result.GeneratedBytes / MiB:F0} MB written")));
            progress(string.Create(CultureInfo.InvariantCulture, $"P7: {label}: generated in {result.Generation.TotalSeconds:F1} s, preview {seconds:F2} s, {megabytes:F0} MB"));
            measured.Add((mappings, seconds));
        }

        for (var i = 1; i < measured.Count; i++)
        {
            var (small, large) = (measured[i - 1], measured[i]);
            var ratio = large.Seconds / small.Seconds;
            var linear = (double)large.Size / small.Size;
            var goal = large.Size >= Million;
            var detail = string.Create(CultureInfo.InvariantCulture,
                $"{large.Seconds:F2} s ÷ {small.Seconds:F2} s for {linear:0.#}× the mappings (linear with a fixed start-up cost: below {linear:0.#})");
            rows.Add(new BenchRow("P7", string.Create(CultureInfo.InvariantCulture, $"growth: t({Short(large.Size)}) / t({Short(small.Size)})"), ratio, "×",
                goal ? string.Create(CultureInfo.InvariantCulture, $"≤ {linear * 1.1:0.#} (linear)") : string.Empty, goal ? ratio <= linear * 1.1 : null, detail));
        }

        return rows;
    }

    private const int Million = 1_000_000;

    private const double GiB = 1024 * MiB;

    private static long? FreeTemporaryBytes()
    {
        try
        {
            return new DriveInfo(Path.GetTempPath()).AvailableFreeSpace;
        }
        catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string Short(int size) => size switch
    {
        >= Million when size % Million == 0 => string.Create(CultureInfo.InvariantCulture, $"{size / Million}M"),
        >= 1_000 when size % 1_000 == 0 => string.Create(CultureInfo.InvariantCulture, $"{size / 1_000}k"),
        _ => size.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// Generates a project of <paramref name="registrations"/> × <paramref name="tenants"/> pointing at a standalone
    /// emulator, starts that emulator on its data, warms it with one unmeasured preview and times <paramref name="runs"/>
    /// previews (one only when the warm-up took longer than <paramref name="singleRunAbove"/>). P1 and P7 both measure so.
    /// </summary>
    private static async Task<StandaloneMeasure> MeasureStandaloneAsync(
        CliProcess cli, int registrations, int tenants, int runs, TimeSpan? singleRunAbove, CancellationToken cancellationToken, Action<string>? progress = null)
    {
        var port = StandaloneEmulator.FreePort();
        var generation = Stopwatch.StartNew();
        using var project = await ScaleProject.CreateAsync("big", registrations, tenants, new Uri($"https://127.0.0.1:{port}/"), cancellationToken);
        generation.Stop();
        var bytes = new DirectoryInfo(project.Directory).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);
        progress?.Invoke(string.Create(CultureInfo.InvariantCulture, $"  generated in {generation.Elapsed.TotalSeconds:F1} s ({bytes / MiB:F0} MB in {project.Directory}); starting the emulator…"));
        using var emulator = await StandaloneEmulator.StartAsync(cli.CliDll, port, project.EmulatorDataFile, cancellationToken);

        // One unmeasured run warms the server (as ARM is warm) and the disk cache.
        progress?.Invoke("  warm-up run…");
        var warmUp = (await RunPreviewsAsync(cli, project, 1, emulator.ClientEnvironment, cancellationToken))[0];
        if (singleRunAbove is { } limit && warmUp.Elapsed > limit)
        {
            runs = 1;
        }

        progress?.Invoke(string.Create(CultureInfo.InvariantCulture, $"  warm-up {warmUp.Elapsed.TotalSeconds:F2} s; {runs} timed run(s)…"));
        var measured = await RunPreviewsAsync(cli, project, runs, emulator.ClientEnvironment, cancellationToken);
        return new StandaloneMeasure(measured, warmUp, generation.Elapsed, bytes);
    }

    private sealed record StandaloneMeasure(List<CliRun> Runs, CliRun WarmUp, TimeSpan Generation, long GeneratedBytes);

    private static string Runs(IEnumerable<CliRun> runs) =>
        string.Join(", ", runs.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Elapsed.TotalSeconds:F2} s/{r.PeakBytes / MiB:F0} MB")));

    public static async Task<IReadOnlyList<BenchRow>> ColdStartAsync(CliProcess cli, BenchSettings settings, CancellationToken cancellationToken = default)
    {
        using var project = await ScaleProject.CreateAsync("small", 1, settings.ColdTenants, cancellationToken: cancellationToken);

        // One unmeasured run warms the disk cache, as a developer's second command would find it.
        await RunPreviewsAsync(cli, project, 1, null, cancellationToken);
        var runs = await RunPreviewsAsync(cli, project, settings.ColdRuns, null, cancellationToken);
        var seconds = Stats.Median(runs.Select(r => r.Elapsed.TotalSeconds));
        var detail = string.Create(CultureInfo.InvariantCulture,
            $"{project.Mappings} mappings, whole process ({cli.Describe()}, embedded emulator), median of {runs.Count}: {string.Join(", ", runs.Select(r => $"{r.Elapsed.TotalSeconds:F2}"))} s");
        return [new BenchRow("P5", $"cold start: preview of {project.Mappings} mappings", seconds, "s", "≤ 1 s", seconds <= 1, detail)];
    }

    private static async Task<List<CliRun>> RunPreviewsAsync(CliProcess cli, ScaleProject project, int count, IReadOnlyDictionary<string, string>? environment, CancellationToken cancellationToken)
    {
        var runs = new List<CliRun>();
        for (var i = 0; i < count; i++)
        {
            var run = await cli.RunAsync(project.Directory, ["preview", "--stack", project.Stack, "--expect-no-changes"], environment, cancellationToken);
            if (run.ExitCode != 0)
            {
                throw new InvalidOperationException($"provision preview exited with {run.ExitCode}:\n{run.Output}\n{run.Error}");
            }

            runs.Add(run);
        }

        return runs;
    }
}
