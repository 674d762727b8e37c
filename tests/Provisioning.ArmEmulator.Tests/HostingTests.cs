using System.Net;
using System.Security.Cryptography.X509Certificates;

namespace Provisioning.ArmEmulator.Tests;

public sealed class HostingTests
{
    [Fact]
    public async Task The_base_uri_carries_the_port_the_OS_chose_on_loopback()
    {
        await using var emulator = await ArmEmulator.StartAsync(new ArmEmulatorOptions());

        Assert.Equal("https", emulator.BaseUri.Scheme);
        Assert.Equal("127.0.0.1", emulator.BaseUri.Host);
        Assert.NotEqual(0, emulator.BaseUri.Port);
        Assert.EndsWith("/", emulator.BaseUri.AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_certificate_is_a_loopback_server_certificate_with_a_private_key()
    {
        await using var emulator = await ArmEmulator.StartAsync(new ArmEmulatorOptions());
        var certificate = emulator.Certificate!;

        Assert.True(certificate.HasPrivateKey);
        Assert.Equal("CN=localhost", certificate.Subject);
        Assert.InRange(certificate.NotBefore.ToUniversalTime(), DateTime.UtcNow.AddDays(-2), DateTime.UtcNow);
        Assert.InRange(certificate.NotAfter.ToUniversalTime(), DateTime.UtcNow.AddDays(29), DateTime.UtcNow.AddDays(31));
        var usages = certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single().EnhancedKeyUsages;
        Assert.Contains(usages.Cast<System.Security.Cryptography.Oid>(), o => o.Value == "1.3.6.1.5.5.7.3.1");
        var names = certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single();
        Assert.Contains(IPAddress.Loopback, names.EnumerateIPAddresses());
        Assert.Contains("localhost", names.EnumerateDnsNames());
    }

    [Fact]
    public async Task Plain_http_mode_serves_without_a_certificate()
    {
        await using var emulator = await ArmEmulator.StartAsync(new ArmEmulatorOptions { UseHttps = false });
        using var http = new HttpClient { BaseAddress = emulator.BaseUri };

        using var response = await http.GetAsync(new Uri("/_emulator/requests", UriKind.Relative));

        Assert.Null(emulator.Certificate);
        Assert.Equal("http", emulator.BaseUri.Scheme);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Two_emulators_run_side_by_side_with_separate_state()
    {
        await using var first = await ArmEmulator.StartAsync(new ArmEmulatorOptions());
        await using var second = await ArmEmulator.StartAsync(new ArmEmulatorOptions());

        first.Store.SeedRegistration(Ids.New(), "azurestack", "only-in-first");

        Assert.NotEqual(first.BaseUri, second.BaseUri);
        Assert.Single(first.Store.GetRegistrations());
        Assert.Empty(second.Store.GetRegistrations());
    }

    [Fact]
    public async Task Starting_on_a_port_in_use_fails_and_the_first_emulator_keeps_serving()
    {
        await using var first = await ArmEmulator.StartAsync(new ArmEmulatorOptions());

        await Assert.ThrowsAnyAsync<IOException>(() => ArmEmulator.StartAsync(new ArmEmulatorOptions { Port = first.BaseUri.Port }));

        using var client = new ArmTestClient(first);
        using var response = await client.SendAsync(HttpMethod.Get, "/_emulator/requests");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
