using System.Diagnostics;
using System.Globalization;

namespace Provisioning.Bench;

/// <summary>Runs the Release build of the <c>provision</c> CLI as a child process and measures its wall time and peak memory.</summary>
/// <remarks>A path ending in <c>.dll</c> runs as <c>dotnet PATH</c>; any other path (a published apphost, a Native AOT binary) is run itself.</remarks>
internal sealed class CliProcess(string cliDll)
{
    private const string TimeTool = "/usr/bin/time";

    public string CliDll { get; } = cliDll;

    /// <summary>Whether <see cref="CliDll"/> is an assembly run through the <c>dotnet</c> host rather than an executable.</summary>
    public bool IsAssembly => CliDll.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);

    /// <summary>How the child is started, for the figures' detail: <c>dotnet provision.dll</c> or the executable's file name.</summary>
    public string Describe() => IsAssembly ? $"dotnet {Path.GetFileName(CliDll)}" : Path.GetFileName(CliDll);

    /// <summary>Finds <c>src/Provisioning.Cli/bin/Release/net10.0/provision.dll</c> above the working directory, building it when missing.</summary>
    public static CliProcess Locate(string repositoryRoot)
    {
        var dll = Path.Combine(repositoryRoot, "src", "Provisioning.Cli", "bin", "Release", "net10.0", "provision.dll");
        if (!File.Exists(dll))
        {
            using var build = Process.Start(new ProcessStartInfo("dotnet", ["build", "-c", "Release", "--nologo", "-v", "q", Path.Combine(repositoryRoot, "src", "Provisioning.Cli")])
            {
                RedirectStandardOutput = true,
            })!;
            build.StandardOutput.ReadToEnd();
            build.WaitForExit();
            if (build.ExitCode != 0 || !File.Exists(dll))
            {
                throw new InvalidOperationException($"Could not build the CLI: {dll} is missing.");
            }
        }

        return new CliProcess(dll);
    }

    /// <summary>Runs <c>provision {arguments}</c> in <paramref name="workingDirectory"/>; peak memory comes from <c>/usr/bin/time -v</c> when present, else from polling.</summary>
    public async Task<CliRun> RunAsync(string workingDirectory, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment = null, CancellationToken cancellationToken = default)
    {
        var useTime = File.Exists(TimeTool);
        var host = IsAssembly ? "dotnet" : CliDll;
        var start = new ProcessStartInfo(useTime ? TimeTool : host)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (useTime)
        {
            start.ArgumentList.Add("-v");
            start.ArgumentList.Add(host);
        }

        if (IsAssembly)
        {
            start.ArgumentList.Add(CliDll);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["NO_COLOR"] = "1";

        // The figures are of local runs on the embedded emulator: a pipeline's CI variable would refuse their local state.
        start.Environment.Remove("CI");
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var timer = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        long polledPeak = 0;
        while (!process.HasExited)
        {
            try
            {
                process.Refresh();
                polledPeak = Math.Max(polledPeak, process.PeakWorkingSet64);
            }
            catch (InvalidOperationException)
            {
                break;
            }

            await Task.Delay(20, cancellationToken);
        }

        await process.WaitForExitAsync(cancellationToken);
        timer.Stop();
        var error = await stderr;
        var peak = useTime ? MaxResidentBytes(error) ?? polledPeak : polledPeak;
        return new CliRun(process.ExitCode, timer.Elapsed, peak, await stdout, error);
    }

    private static long? MaxResidentBytes(string timeOutput)
    {
        const string Label = "Maximum resident set size (kbytes):";
        foreach (var line in timeOutput.Split('\n'))
        {
            var at = line.IndexOf(Label, StringComparison.Ordinal);
            if (at >= 0 && long.TryParse(line.AsSpan(at + Label.Length).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var kb))
            {
                return kb * 1024;
            }
        }

        return null;
    }
}

/// <summary>One finished child run: exit code, wall time, peak resident memory, and what it printed.</summary>
internal sealed record CliRun(int ExitCode, TimeSpan Elapsed, long PeakBytes, string Output, string Error);
