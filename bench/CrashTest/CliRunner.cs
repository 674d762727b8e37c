using System.Diagnostics;

namespace CrashTest;

/// <summary>Runs <c>provision up --yes --parallel 20</c> on the crash stack as a child process.</summary>
internal sealed class CliRunner(string cliDll, string directory, string thumbprint)
{
    /// <summary>Runs up to the end.</summary>
    public Task<RunResult> RunToEndAsync() => RunAsync("up", "--stack", "crash", "--cwd", directory, "--yes", "--parallel", "20");

    /// <summary>True when a killed run left its lock file behind (SIGKILL gives it no chance to delete it).</summary>
    public bool StaleLockLeft() => File.Exists(Path.Combine(directory, ".provision", "stacks", "crash", "crash.lock"));

    private async Task<RunResult> RunAsync(params string[] arguments)
    {
        using var process = Start(arguments);
        var stopwatch = Stopwatch.StartNew();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new RunResult(process.ExitCode, await output, await error, stopwatch.Elapsed);
    }

    /// <summary>Starts up and sends SIGKILL after <paramref name="delay"/>; true when it was still running then.</summary>
    public async Task<bool> RunAndKillAsync(TimeSpan delay)
    {
        using var process = Start("up", "--stack", "crash", "--cwd", directory, "--yes", "--parallel", "20");
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        var exited = await Task.WhenAny(process.WaitForExitAsync(), Task.Delay(delay)) is { IsCompleted: true } && process.HasExited;
        if (!exited)
        {
            process.Kill(); // SIGKILL on Linux: no finally blocks, no flush, no lock release.
        }

        await process.WaitForExitAsync();
        return !exited;
    }

    private Process Start(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(cliDll);
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        start.Environment.Remove("CI"); // its stack keeps local state on purpose; CI would refuse that
        start.Environment["PROVISION_TRUST_CERT_THUMBPRINT"] = thumbprint;
        start.Environment["PROVISION_CREDENTIAL"] = "local-emulator";
        start.Environment["NO_COLOR"] = "1";
        return Process.Start(start) ?? throw new InvalidOperationException("could not start provision");
    }
}
