using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Provisioning.EndToEnd.Tests.Safety;

/// <summary>
/// This test run's own Azurite blob service: installed by scripts/azurite.sh (npm, pinned), started on a free loopback
/// port with a data folder of its own the first time a test asks for it, and stopped — its whole process tree, its
/// folder removed — when the collection ends or the test process exits. It never reuses or stops another Azurite.
/// </summary>
public sealed class Azurite : IDisposable
{
    private readonly Lock _gate = new();
    private readonly StringBuilder _log = new();
    private Process? _process;
    private string? _folder;
    private string? _skipReason;
    private string? _failure;
    private bool _tried;

    public Azurite() => AppDomain.CurrentDomain.ProcessExit += OnProcessExit;

    /// <summary>Gets the loopback port this Azurite listens on (0 before it started).</summary>
    public int Port { get; private set; }

    /// <summary>Gets the connection string of Azurite's well-known development account (public and documented; not a secret).</summary>
    public string ConnectionString =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;"
        + $"BlobEndpoint=http://127.0.0.1:{Port}/devstoreaccount1;";

    /// <summary>Starts Azurite once; skips the calling test when it cannot be installed (no npm), fails it when installed but not answering.</summary>
    public void EnsureStarted()
    {
        lock (_gate)
        {
            if (!_tried)
            {
                _tried = true;
                Start();
            }
        }

        Skip.If(_skipReason is not null, _skipReason);
        Assert.True(_failure is null, _failure);
    }

    public void Dispose()
    {
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        Stop();
    }

    private void Start()
    {
        var (code, binary, error) = RunScript("install");
        if (code != 0)
        {
            _skipReason = $"Azurite could not be installed (scripts/azurite.sh install exited {code}): {error.Trim()}";
            return;
        }

        _folder = Path.Combine(Path.GetTempPath(), "provision-azurite-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(_folder);

        // A port found free may be taken before Azurite binds it: try another one then.
        for (var attempt = 1; attempt <= 3 && _process is null; attempt++)
        {
            Port = FreePort();
            var process = Launch(binary.Trim());
            if (WaitUntilAnswering(process))
            {
                _process = process;
                return;
            }

            Kill(process);
        }

        _failure = $"Azurite was installed but did not answer on 127.0.0.1:{Port}: {_log}";
        StopCore();
    }

    private Process Launch(string binary)
    {
        var start = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--blobHost", "127.0.0.1", "--blobPort", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--location", _folder!, "--skipApiVersionCheck", "--loose", "--silent" })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private bool WaitUntilAnswering(Process process)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, Port);
                return true;
            }
            catch (SocketException)
            {
                Thread.Sleep(100);
            }
        }

        return false;
    }

    private void Stop()
    {
        lock (_gate)
        {
            StopCore();
        }
    }

    private void StopCore()
    {
        if (_process is { } process)
        {
            Kill(process);
            _process = null;
        }

        if (_folder is not null && Directory.Exists(_folder))
        {
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: a temporary folder left behind is harmless; the process is what must not stay.
            }
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        process.Dispose();
    }

    private void OnProcessExit(object? sender, EventArgs e) => Stop();

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_log)
            {
                _log.AppendLine(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static (int Code, string Output, string Error) RunScript(string verb)
    {
        var script = Path.Combine(StackFolder.RepositoryRoot, "scripts", "azurite.sh");
        try
        {
            using var process = Process.Start(new ProcessStartInfo("bash", [script, verb]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(300_000))
            {
                process.Kill(entireProcessTree: true);
                return (-1, output, "timed out after 5 minutes");
            }

            return (process.ExitCode, output, error.Result);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, string.Empty, e.Message);
        }
    }
}
