namespace Provisioning.EndToEnd.Tests.Safety.Mistakes;

/// <summary>
/// "Client and emulator": an endpoint whose certificate is not trusted fails at once (not 31 retries over minutes),
/// naming what to do; endpoints that may not be used are refused before any request.
/// </summary>
internal static partial class Catalogue
{
    private static IEnumerable<Mistake> Client()
    {
        yield return new Mistake("client/untrusted-certificate", [.. Up(), "--credential", "local-emulator"])
        {
            // The environment is at fault (1); a TLS trust failure is not transient, so it must come well within the time-out.
            Exit = 1,
            Https = true,
            Host = MistakeHost.Default,
            Timeout = TimeSpan.FromSeconds(10),
            Arrange = p => { ClearCredentials(p); p.UseEmulatorEndpoint(); },
        };
        yield return new Mistake("client/trust-thumbprint-of-another-certificate", [.. Up(), "--credential", "local-emulator"])
        {
            Exit = 1,
            Https = true,
            Host = MistakeHost.Default,
            Timeout = TimeSpan.FromSeconds(10),
            Arrange = p =>
            {
                ClearCredentials(p);
                p.SetEnvironment("PROVISION_TRUST_CERT_THUMBPRINT", "0123456789ABCDEF0123456789ABCDEF01234567");
                p.UseEmulatorEndpoint();
            },
        };
        foreach (var (what, cloud) in new[]
        {
            ("plain-http-to-a-remote-host", "http://arm.example.com/"),
            ("plain-http-to-a-lookalike-of-loopback", "http://127.0.0.1.example.com/"),
            ("an-ftp-endpoint", "ftp://arm.example.com/"),
        })
        {
            yield return new Mistake($"client/{what}", Up())
            {
                Host = MistakeHost.Default,
                Arrange = p =>
                {
                    ClearCredentials(p);
                    p.Replace(p.StackFile(), "tenant-registrations:cloud: local", $"tenant-registrations:cloud: {cloud}\n  tenant-registrations:tokenScope: https://management.example.com/.default");
                },
            };
        }
    }
}
