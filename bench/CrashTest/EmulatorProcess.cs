using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CrashTest;

/// <summary>The standalone ARM emulator as a child process, with an HTTP client that trusts only its printed certificate.</summary>
internal sealed partial class EmulatorProcess : IDisposable
{
    private const string ApiVersion = "2017-06-01";
    private readonly Process _process;
    private readonly HttpClient _http;

    private EmulatorProcess(Process process, Uri baseUri, string thumbprint)
    {
        _process = process;
        BaseUri = baseUri;
        Thumbprint = thumbprint;
#pragma warning disable CA2000 // The client owns the handler.
        var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) =>
                certificate is not null && string.Equals(certificate.Thumbprint, thumbprint, StringComparison.OrdinalIgnoreCase),
        };
#pragma warning restore CA2000
        _http = new HttpClient(handler) { BaseAddress = baseUri, Timeout = TimeSpan.FromMinutes(2) };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "local-emulator");
    }

    /// <summary>The address it listens on.</summary>
    public Uri BaseUri { get; }

    /// <summary>The SHA-1 thumbprint it printed at start-up.</summary>
    public string Thumbprint { get; }

    /// <summary>Starts <c>dotnet emulatorDll --urls https://127.0.0.1:port --data dataFile --save-interval 0 --no-throttling</c> and waits for its start-up line.</summary>
    public static async Task<EmulatorProcess> StartAsync(string emulatorDll, int port, string dataFile)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { emulatorDll, "--urls", $"https://127.0.0.1:{port}", "--data", dataFile, "--save-interval", "0", "--no-throttling" })
        {
            start.ArgumentList.Add(a);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the emulator");
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            var match = StartupLine().Match(line);
            if (match.Success)
            {
                // Keep draining stdout so the child never blocks on a full pipe.
                _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
                return new EmulatorProcess(process, new Uri(match.Groups["uri"].Value), match.Groups["thumb"].Value);
            }
        }

        throw new InvalidOperationException("the emulator exited before printing its address");
    }

    /// <summary>Registers a stamp as an operator would: PUT the registration with location global and a token.</summary>
    public async Task PutRegistrationAsync(string subscriptionId, string resourceGroup, string name)
    {
        var path = $"subscriptions/{subscriptionId}/resourceGroups/{resourceGroup}/providers/Microsoft.AzureStack/registrations/{name}?api-version={ApiVersion}";
        using var body = new StringContent("""{"location":"global","properties":{"registrationToken":"crash-test"}}""", Encoding.UTF8, "application/json");
        using var response = await _http.PutAsync(new Uri(path, UriKind.Relative), body);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Every mapping the emulator holds: (registration name, customer subscription id) → (tenant id, how many entries).</summary>
    public async Task<List<(string Registration, string Subscription, string Tenant)>> MappingsAsync()
    {
        using var response = await _http.GetAsync(new Uri("_emulator/state", UriKind.Relative));
        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var mappings = new List<(string, string, string)>();
        foreach (var registration in document.RootElement.GetProperty("registrations").EnumerateArray())
        {
            var name = registration.GetProperty("name").GetString()!;
            foreach (var mapping in registration.GetProperty("customerSubscriptions").EnumerateArray())
            {
                mappings.Add((name, mapping.GetProperty("name").GetString()!, mapping.GetProperty("tenantId").GetString()!));
            }
        }

        return mappings;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
        _http.Dispose();
    }

    [GeneratedRegex(@"listening on (?<uri>https://\S+?) certificate (?<thumb>[0-9A-Fa-f]+)")]
    private static partial Regex StartupLine();
}
