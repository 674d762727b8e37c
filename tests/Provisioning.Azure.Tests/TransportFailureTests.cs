using System.Collections.Immutable;
using System.Net;
using System.Net.Sockets;
using Provisioning.ArmEmulator;
using Provisioning.Diagnostics;
using Provisioning.Model;

namespace Provisioning.Azure.Tests;

/// <summary>Requests that get no answer at all, over real sockets: a refused port, an unknown host, and a PUT whose answer is lost.</summary>
public sealed class TransportFailureTests
{
    private const string Subscription = "6513270e-269e-4d37-b2a7-4de452e6b438";
    private static readonly ArmResourceId Registration = ArmResourceId.Parse(
        $"/subscriptions/{Subscription}/resourceGroups/azurestack/providers/Microsoft.AzureStack/registrations/azurestack-west");

    [Fact]
    public async Task A_refused_connection_is_an_environment_diagnostic_after_the_bounded_retries()
    {
        var attempts = new List<string>();
        var client = Client(new Uri($"https://127.0.0.1:{ClosedPort()}/"), attempts.Add);

        var error = await Assert.ThrowsAsync<DiagnosticException>(async () => await client.ListAsync(Registration, "customerSubscriptions", "2017-06-01").ToListAsync());

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(("PRV127", DiagnosticOrigin.Environment), (diagnostic.Code, diagnostic.Origin));
        Assert.Contains("cannot be reached", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("(4 attempts in ", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(4, attempts.Count);
    }

    [Fact]
    public async Task A_host_whose_name_does_not_resolve_is_an_environment_diagnostic_naming_it()
    {
        var client = Client(new Uri("https://management.does-not-exist.invalid/"), null, maxRetriesWithoutResponse: 0);

        var error = await Assert.ThrowsAsync<DiagnosticException>(() => client.GetAsync(Registration.Child("customerSubscriptions", Subscription), "2017-06-01"));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal("PRV127", diagnostic.Code);
        Assert.StartsWith("https://management.does-not-exist.invalid cannot be reached: ", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_put_that_takes_effect_but_whose_answer_is_always_lost_fails_after_four_tries_and_the_mapping_exists()
    {
        var options = new ArmEmulatorOptions { UseHttps = false };
        options.Faults.Writes.FaultAfterCommitShare = 1.0;
        await using var emulator = await ArmEmulator.ArmEmulator.StartAsync(options);
        emulator.Store.SeedRegistration(Subscription, "azurestack", "azurestack-west");
        var attempts = new List<string>();
        var clientOptions = new AzureStackClientOptions(emulator.BaseUri) { HttpLog = attempts.Add };
        clientOptions.Retry.Delay = TimeSpan.FromMilliseconds(1);
        var client = new AzureStackResourceClient(new LocalEmulatorCredential(), clientOptions);
        var id = Registration.Child("customerSubscriptions", "a5d8a5a8-0d4e-4fd4-9a0a-1f6f7d1b4f10");

        var error = await Assert.ThrowsAsync<ArmRequestException>(() => client.PutAsync(id, "2017-06-01", ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("tenantId", "6b0d549b-6f03-475a-9600-a35a099950d8")])));

        Assert.Equal(0, error.Status);
        Assert.Contains("gave no answer after 4 attempts in ", error.Message, StringComparison.Ordinal);
        Assert.Equal(4, attempts.Count);
        Assert.Equal(1, emulator.Store.MappingCount);
        Assert.Equal(AzureStackClientOptions.LoopbackNetworkTimeout, clientOptions.Retry.NetworkTimeout);
    }

    [Fact]
    public void Azure_endpoints_keep_the_100_second_network_timeout_and_loopback_gets_30()
    {
        Assert.Equal(TimeSpan.FromSeconds(100), new AzureStackClientOptions(new Uri("https://management.azure.com/")).Retry.NetworkTimeout);
        Assert.Equal(TimeSpan.FromSeconds(30), new AzureStackClientOptions(new Uri("https://127.0.0.1:8443/")).Retry.NetworkTimeout);
        Assert.Equal(3, new AzureStackClientOptions(new Uri("https://management.azure.com/")).MaxRetriesWithoutResponse);
    }

    private static AzureStackResourceClient Client(Uri endpoint, Action<string>? log, int maxRetriesWithoutResponse = 3)
    {
        var options = new AzureStackClientOptions(endpoint) { HttpLog = log, MaxRetriesWithoutResponse = maxRetriesWithoutResponse };
        options.Retry.Delay = TimeSpan.FromMilliseconds(1);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(5);
        return new AzureStackResourceClient(new Fakes.StaticTokenCredential("t"), options);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
