using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Provisioning.Bench;

/// <summary>
/// The standalone ARM emulator as its own process (the one beside the CLI build), on loopback HTTPS, so that what P1
/// measures is the <c>provision</c> process alone, as against Azure. Stopped (killed) on dispose.
/// </summary>
internal sealed partial class StandaloneEmulator : IDisposable
{
    private static readonly System.Collections.Concurrent.ConcurrentQueue<int> Started = new();
    private readonly Process _process;

    private StandaloneEmulator(Process process, Uri baseUri, string thumbprint)
    {
        _process = process;
        BaseUri = baseUri;
        Thumbprint = thumbprint;
    }

    /// <summary>The address it listens on, ending in a slash.</summary>
    public Uri BaseUri { get; }

    /// <summary>The SHA-1 thumbprint of its self-signed certificate, as it printed it.</summary>
    public string Thumbprint { get; }

    /// <summary>The environment a <c>provision</c> process needs to trust it and send its fixed token.</summary>
    public IReadOnlyDictionary<string, string> ClientEnvironment => new Dictionary<string, string>
    {
        ["PROVISION_TRUST_CERT_THUMBPRINT"] = Thumbprint,
        ["PROVISION_CREDENTIAL"] = "local-emulator",
    };

    /// <summary>The process ids of every emulator this process started, so that a test can check none outlived its run.</summary>
    public static IReadOnlyCollection<int> StartedProcessIds => Started;

    /// <summary>A free loopback port to give the emulator (the stack file names it before the emulator starts).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts <c>dotnet Provisioning.ArmEmulator.dll</c> from beside <paramref name="cliDll"/> with the given data file, pages of 1,000 and no throttling.</summary>
    /// <remarks>A Native AOT build of the CLI has no emulator assembly beside it: the harness's own copy is started instead (it is not measured).</remarks>
    public static async Task<StandaloneEmulator> StartAsync(string cliDll, int port, string dataFile, CancellationToken cancellationToken = default)
    {
        var dll = Path.Combine(Path.GetDirectoryName(cliDll)!, "Provisioning.ArmEmulator.dll");
        if (!File.Exists(dll))
        {
            dll = Path.Combine(AppContext.BaseDirectory, "Provisioning.ArmEmulator.dll");
        }

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { dll, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--data", dataFile, "--page-size", "1000", "--no-throttling" })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {dll}");
        Started.Enqueue(process.Id);
        try
        {
            process.ErrorDataReceived += (_, _) => { };
            process.BeginErrorReadLine();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromMinutes(5)); // P7 at 1,000,000 mappings loads a large data file
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                if (StartupLine().Match(line) is { Success: true } match)
                {
                    // Keep draining its output so it never blocks on a full pipe.
                    _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
                    return new StandaloneEmulator(process, new Uri(match.Groups["uri"].Value), match.Groups["thumb"].Value);
                }
            }

            throw new InvalidOperationException($"the emulator ({dll}) exited before printing its address");
        }
        catch
        {
            Stop(process);
            throw;
        }
    }

    public void Dispose() => Stop(_process);

    private static void Stop(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It has exited already.
        }

        process.WaitForExit();

        process.Dispose();
    }

    [GeneratedRegex(@"listening on (?<uri>https://\S+?) certificate (?<thumb>[0-9A-Fa-f]+)")]
    private static partial Regex StartupLine();
}
