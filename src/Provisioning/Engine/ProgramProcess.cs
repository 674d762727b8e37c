using System.ComponentModel;
using System.Diagnostics;
using Provisioning.Diagnostics;

namespace Provisioning.Engine;

/// <summary>
/// Runs one child process (<c>dotnet build</c> or the program) with its output handed over line by line, a timeout, and
/// the whole process tree killed when the timeout passes or the run is cancelled, so nothing is left running.
/// </summary>
internal static class ProgramProcess
{
    /// <summary>The <c>dotnet</c> host: the one running this build's tools when known, else the one on the PATH.</summary>
    public static string DotnetHost =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    /// <summary>Runs <paramref name="fileName"/> and returns its exit code, or null when it ran past <paramref name="timeout"/> (it is then killed).</summary>
    /// <exception cref="DiagnosticException">PRV223 when the process cannot be started.</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled (the process tree is killed first).</exception>
    public static async Task<int?> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        string workingDirectory,
        IReadOnlyDictionary<string, string> environment,
        Action<string> onLine,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Forward(e.Data, onLine);
        process.ErrorDataReceived += (_, e) => Forward(e.Data, onLine);
        try
        {
            process.Start();
        }
        catch (Exception e) when (e is Win32Exception or InvalidOperationException or IOException)
        {
            throw new DiagnosticException(DiagnosticCatalog.ProgramNotStarted(SourceSpan.CommandLine, $"'{fileName}' did not start ({e.Message}). Is the .NET SDK installed and on the PATH?"), e);
        }

        // The program gets no input: a program waiting for a key would otherwise wait for the timeout.
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
            return process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            cancellationToken.ThrowIfCancellationRequested();
            return null;
        }
    }

    private static void Forward(string? line, Action<string> onLine)
    {
        if (line is not null)
        {
            onLine(line);
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }
        catch (Exception e) when (e is InvalidOperationException or Win32Exception or NotSupportedException)
        {
            // Already gone.
        }
    }
}
