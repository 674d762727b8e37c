using System.Globalization;

namespace Provisioning.Bench;

/// <summary>P1 (no-change preview of a large stack) and P5 (cold start of a small one): whole <c>provision</c> processes.</summary>
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
        var port = StandaloneEmulator.FreePort();
        List<CliRun> standalone;
        using (var project = await ScaleProject.CreateAsync("big", settings.ScaleRegistrations, settings.ScaleTenants, new Uri($"https://127.0.0.1:{port}/"), cancellationToken))
        using (var emulator = await StandaloneEmulator.StartAsync(cli.CliDll, port, project.EmulatorDataFile, cancellationToken))
        {
            // One unmeasured run warms the server (as ARM is warm) and the disk cache.
            await RunPreviewsAsync(cli, project, 1, emulator.ClientEnvironment, cancellationToken);
            standalone = await RunPreviewsAsync(cli, project, settings.ScaleRuns, emulator.ClientEnvironment, cancellationToken);
        }

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
