using System.Diagnostics;
using System.Net.Sockets;

namespace Provisioning.EndToEnd.Tests.Safety;

/// <summary>Azurite's blob service on loopback: started through scripts/azurite.sh when it is not already listening.</summary>
internal static class Azurite
{
    public const int Port = 10000;

    /// <summary>Azurite's well-known development account (public, documented; not a secret).</summary>
    public const string ConnectionString =
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;";

    private static readonly Lazy<string?> Started = new(Start);

    /// <summary>Null when Azurite is reachable, else why not (the caller then reports the test as skipped).</summary>
    public static string? Unavailable => Started.Value;

    private static string? Start()
    {
        if (Reachable())
        {
            return null;
        }

        var script = Path.Combine(StackFolder.RepositoryRoot, "scripts", "azurite.sh");
        try
        {
            using var process = Process.Start(new ProcessStartInfo("bash", [script, "start"]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var error = process.StandardError.ReadToEndAsync();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit(180_000);
            return Reachable() ? null : $"Azurite is not reachable on 127.0.0.1:{Port} and scripts/azurite.sh start failed: {error.Result}";
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return $"Azurite is not reachable on 127.0.0.1:{Port} and could not be started: {e.Message}";
        }
    }

    private static bool Reachable()
    {
        try
        {
            using var client = new TcpClient();
            client.Connect("127.0.0.1", Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
