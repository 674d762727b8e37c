using System.Globalization;

namespace Provisioning.Bench;

/// <summary>P6: <c>provision preview</c> of an unchanged, already-built C# program, whole process; and its first run with the build.</summary>
internal static class ProgramBenchmarks
{
    /// <summary>
    /// Generates a program of <see cref="BenchSettings.ProgramTenants"/> mappings, times the first preview (which builds the
    /// program), applies it once unmeasured (so the previews find nothing to change, as P5's do), then times
    /// <see cref="BenchSettings.ProgramRuns"/> previews with <c>--expect-no-changes</c>: the program is run, not rebuilt.
    /// </summary>
    public static async Task<IReadOnlyList<BenchRow>> ProgramPreviewAsync(CliProcess cli, BenchSettings settings, CancellationToken cancellationToken = default)
    {
        var root = ProgramProject.FindRepositoryRoot(AppContext.BaseDirectory)
            ?? ProgramProject.FindRepositoryRoot(Path.GetDirectoryName(cli.CliDll)!)
            ?? throw new InvalidOperationException("P6 needs the repository (src/Provisioning.Sdk): Provisioning.sln was not found above the harness or the CLI.");
        using var project = await ProgramProject.CreateAsync(root, settings.ProgramTenants, cancellationToken);

        var first = await RunAsync(cli, project, ["preview", "--stack", ProgramProject.Stack], cancellationToken);
        if (!first.Error.Contains("Building the program", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The first preview did not build the program:\n{first.Error}");
        }

        await RunAsync(cli, project, ["up", "--stack", ProgramProject.Stack, "--yes"], cancellationToken);
        var runs = new List<CliRun>();
        for (var i = 0; i < settings.ProgramRuns; i++)
        {
            var run = await RunAsync(cli, project, ["preview", "--stack", ProgramProject.Stack, "--expect-no-changes"], cancellationToken);
            if (run.Error.Contains("Building the program", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("An unchanged program was built again.");
            }

            runs.Add(run);
        }

        var seconds = Stats.Median(runs.Select(r => r.Elapsed.TotalSeconds));
        var detail = string.Create(CultureInfo.InvariantCulture,
            $"{project.Mappings} mappings declared by a C# program on Provisioning.Sdk, whole process (dotnet provision.dll runs the built program, embedded emulator, refresh, plan), median of {runs.Count}: {string.Join(", ", runs.Select(r => r.Elapsed.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture)))} s");
        var firstDetail = string.Create(CultureInfo.InvariantCulture,
            $"the first preview of the same program: dotnet build -c Release of the program and the SDK it references, then the run; one run");
        return
        [
            new BenchRow("P6", $"preview of an unchanged, built C# program of {project.Mappings} mappings", seconds, "s", "≤ 1.5 s", seconds <= 1.5, detail),
            new BenchRow("P6", "first run incl. build, for reference", first.Elapsed.TotalSeconds, "s", string.Empty, null, firstDetail),
        ];
    }

    private static async Task<CliRun> RunAsync(CliProcess cli, ProgramProject project, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var run = await cli.RunAsync(project.Directory, arguments, null, cancellationToken);
        return run.ExitCode == 0
            ? run
            : throw new InvalidOperationException($"provision {string.Join(' ', arguments)} exited with {run.ExitCode}:\n{run.Output}\n{run.Error}");
    }
}
