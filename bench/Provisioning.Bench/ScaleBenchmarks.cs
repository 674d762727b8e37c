using System.Globalization;

namespace Provisioning.Bench;

/// <summary>P1 (no-change preview of a large stack) and P5 (cold start of a small one): whole <c>provision</c> processes.</summary>
internal static class ScaleBenchmarks
{
    private const double MiB = 1024 * 1024;

    public static async Task<IReadOnlyList<BenchRow>> ScaleAsync(CliProcess cli, BenchSettings settings, CancellationToken cancellationToken = default)
    {
        using var project = await ScaleProject.CreateAsync("big", settings.ScaleRegistrations, settings.ScaleTenants, cancellationToken);
        var runs = await RunPreviewsAsync(cli, project, settings.ScaleRuns, cancellationToken);
        var seconds = Stats.Median(runs.Select(r => r.Elapsed.TotalSeconds));
        var megabytes = Stats.Median(runs.Select(r => r.PeakBytes / MiB));
        var detail = string.Create(CultureInfo.InvariantCulture,
            $"{project.Mappings:N0} mappings ({settings.ScaleRegistrations} × {settings.ScaleTenants}), median of {runs.Count}: {string.Join(", ", runs.Select(r => $"{r.Elapsed.TotalSeconds:F2} s/{r.PeakBytes / MiB:F0} MB"))}");
        return
        [
            new BenchRow("P1", $"preview {project.Mappings:N0} mappings (refresh, no change): wall", seconds, "s", "≤ 3 s", seconds <= 3, detail),
            new BenchRow("P1", $"preview {project.Mappings:N0} mappings: peak memory (MaxRSS)", megabytes, "MB", "≤ 300 MB", megabytes <= 300, detail),
        ];
    }

    public static async Task<IReadOnlyList<BenchRow>> ColdStartAsync(CliProcess cli, BenchSettings settings, CancellationToken cancellationToken = default)
    {
        using var project = await ScaleProject.CreateAsync("small", 1, settings.ColdTenants, cancellationToken);

        // One unmeasured run warms the disk cache, as a developer's second command would find it.
        await RunPreviewsAsync(cli, project, 1, cancellationToken);
        var runs = await RunPreviewsAsync(cli, project, settings.ColdRuns, cancellationToken);
        var seconds = Stats.Median(runs.Select(r => r.Elapsed.TotalSeconds));
        var detail = string.Create(CultureInfo.InvariantCulture,
            $"{project.Mappings} mappings, whole process (dotnet provision.dll, embedded emulator), median of {runs.Count}: {string.Join(", ", runs.Select(r => $"{r.Elapsed.TotalSeconds:F2}"))} s");
        return [new BenchRow("P5", $"cold start: preview of {project.Mappings} mappings", seconds, "s", "≤ 1 s", seconds <= 1, detail)];
    }

    private static async Task<List<CliRun>> RunPreviewsAsync(CliProcess cli, ScaleProject project, int count, CancellationToken cancellationToken)
    {
        var runs = new List<CliRun>();
        for (var i = 0; i < count; i++)
        {
            var run = await cli.RunAsync(project.Directory, ["preview", "--stack", project.Stack, "--expect-no-changes"], cancellationToken);
            if (run.ExitCode != 0)
            {
                throw new InvalidOperationException($"provision preview exited with {run.ExitCode}:\n{run.Output}\n{run.Error}");
            }

            runs.Add(run);
        }

        return runs;
    }
}
