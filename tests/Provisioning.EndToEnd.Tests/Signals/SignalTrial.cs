using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Provisioning.EndToEnd.Tests.Signals;

/// <summary>
/// Real signals to a real <c>provision</c> process: a project of 600 mappings (3 registrations × 200 tenants) on the
/// embedded emulator (cloud: local), an <c>up</c> interrupted after a random number of created mappings, then the checks.
/// </summary>
internal sealed class SignalTrial : IDisposable
{
    public const int Sigint = 2;
    public const int Sigterm = 15;

    private static readonly string CliDll = Path.Combine(AppContext.BaseDirectory, "provision.dll");

    public SignalTrial(int seed)
    {
        Directory.CreateDirectory(Folder);
        File.Copy(Path.Combine(StackFolder.RepositoryRoot, "Pulumi.yaml"), Path.Combine(Folder, "Pulumi.yaml"));
        File.WriteAllText(Path.Combine(Folder, "Pulumi.local.yaml"), StackYaml(new Random(seed)));
    }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "provision-signals-" + Guid.NewGuid().ToString("N")[..12]);

    public string LockFile => Path.Combine(Folder, ".provision", "stacks", "tenant-registrations", "local.lock");

    /// <summary>Runs the CLI to the end.</summary>
    public async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] arguments)
    {
        using var process = Start(arguments);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await output, await error);
    }

    /// <summary>
    /// Starts <c>up</c>, waits until <paramref name="afterCreated"/> mappings were reported created (or the run ended),
    /// sends <paramref name="signal"/> (twice when <paramref name="twice"/>), and returns the exit code and stderr.
    /// </summary>
    public async Task<(int ExitCode, string Error, bool Interrupted)> InterruptUpAsync(int signal, int afterCreated, bool twice = false)
    {
        using var process = Start("up", "--stack", "local", "--yes");
        var error = process.StandardError.ReadToEndAsync();
        var created = 0;
        while (created < afterCreated && await process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.Contains(" created ", StringComparison.Ordinal))
            {
                created++;
            }
        }

        var interrupted = !process.HasExited;
        if (interrupted)
        {
            _ = Kill(process.Id, signal);
            if (twice)
            {
                _ = Kill(process.Id, signal);
            }
        }

        var drain = process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        await drain;
        return (process.ExitCode, await error, interrupted);
    }

    /// <summary>Starts a preview and sends <paramref name="signal"/> as soon as it has printed its first line.</summary>
    public async Task<(int ExitCode, string Error, bool Interrupted)> InterruptPreviewAsync(int signal)
    {
        using var process = Start("preview", "--stack", "local");
        var error = process.StandardError.ReadToEndAsync();
        _ = await process.StandardOutput.ReadLineAsync();
        var interrupted = !process.HasExited;
        if (interrupted)
        {
            _ = Kill(process.Id, signal);
        }

        var drain = process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        await drain;
        return (process.ExitCode, await error, interrupted);
    }

    /// <summary>The mapping ids the embedded emulator holds, lower case.</summary>
    public HashSet<string> EmulatorIds()
    {
        using var data = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Folder, ".provision", "emulator", "arm.json")));
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in data.RootElement.GetProperty("registrations").EnumerateArray())
        {
            var parent = $"/subscriptions/{r.GetProperty("subscriptionId").GetString()}/resourceGroups/{r.GetProperty("resourceGroup").GetString()}/providers/Microsoft.AzureStack/registrations/{r.GetProperty("name").GetString()}/customerSubscriptions/";
            if (r.TryGetProperty("customerSubscriptions", out var mappings))
            {
                foreach (var m in mappings.EnumerateArray())
                {
                    ids.Add((parent + m.GetProperty("name").GetString()).ToLowerInvariant());
                }
            }
        }

        return ids;
    }

    /// <summary>The mapping ids the stack's state holds (snapshot and journal, as stack export gives them), lower case.</summary>
    public async Task<HashSet<string>> StateIdsAsync()
    {
        var exported = Path.Combine(Folder, "exported.json");
        var run = await RunAsync("stack", "export", "--stack", "local", "--file", exported);
        Assert.True(run.ExitCode == 0, run.Error);
        using var state = JsonDocument.Parse(File.ReadAllBytes(exported));
        File.Delete(exported);
        return [.. state.RootElement.GetProperty("resources").EnumerateArray().Select(r => r.GetProperty("id").GetString()!.ToLowerInvariant())];
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind is harmless.
        }
    }

    private Process Start(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Folder };
        start.ArgumentList.Add(CliDll);
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["NO_COLOR"] = "1";
        start.Environment.Remove("CI"); // not interactive anyway (redirected); CI itself would refuse local state
        return Process.Start(start) ?? throw new InvalidOperationException("could not start provision");
    }

    private static string StackYaml(Random random)
    {
        string Guid() => new Guid(Enumerable.Range(0, 16).Select(_ => (byte)random.Next(256)).ToArray()).ToString();
        var yaml = new StringBuilder("config:\n  tenant-registrations:cloud: local\n  tenant-registrations:registrations:\n");
        var subscription = Guid();
        foreach (var r in new[] { "r1", "r2", "r3" })
        {
            yaml.Append($"    {r}: {{ subscriptionId: {subscription}, name: azurestack-{r} }}\n");
        }

        yaml.Append("  tenant-registrations:tenants:\n");
        for (var t = 0; t < 200; t++)
        {
            yaml.Append($"    t{t}: {{ tenantId: {Guid()}, subscriptionId: {Guid()}, registrations: [r1, r2, r3] }}\n");
        }

        return yaml.ToString();
    }

    /// <summary>Sends a real signal with the system's kill command.</summary>
    private static int Kill(int pid, int signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        return kill.ExitCode;
    }
}
