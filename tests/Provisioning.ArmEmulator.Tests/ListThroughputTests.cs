using System.Diagnostics;
using System.Text.Json;
using Xunit.Abstractions;

namespace Provisioning.ArmEmulator.Tests;

/// <summary>Measures listing a million mappings over loopback HTTPS; prints the figure and asserts only correctness.</summary>
public sealed class ListThroughputTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(100)]
    [InlineData(1000)]
    public async Task A_million_mappings_are_listed_completely_over_loopback(int pageSize)
    {
        await using var emulator = await ArmEmulator.StartAsync(new ArmEmulatorOptions { PageSize = pageSize, Throttling = { Enabled = false } });
        var registration = new TestRegistration(Ids.New(), "azurestack", "big");
        emulator.Store.SeedRegistration(registration.SubscriptionId, registration.ResourceGroup, registration.Name);
        emulator.Store.SeedMappings(
            registration.SubscriptionId, registration.ResourceGroup, registration.Name,
            Enumerable.Range(0, 1_000_000).Select(i => (new Guid(i, 0, 0, new byte[8]).ToString(), new Guid(i, 1, 1, new byte[8]).ToString())));
        using var client = new ArmTestClient(emulator);

        var watch = Stopwatch.StartNew();
        var (items, pages) = await ListAllAsync(client, registration);
        watch.Stop();

        output.WriteLine(
            $"Listed {items:N0} mappings in {pages:N0} pages of {pageSize} in {watch.Elapsed.TotalSeconds:F2} s: {items / watch.Elapsed.TotalSeconds:N0} items/s (loopback HTTPS, HttpClient, each page parsed).");
        Assert.Equal(1_000_000, items);
        Assert.Equal(1_000_000 / pageSize, pages);
    }

    private static async Task<(int Items, int Pages)> ListAllAsync(ArmTestClient client, TestRegistration registration)
    {
        var (items, pages) = (0, 0);
        string? next = ArmTestClient.WithApiVersion(registration.CustomerSubscriptionsPath);
        while (next is not null)
        {
            using var response = await client.SendAsync(HttpMethod.Get, next);
            response.EnsureSuccessStatusCode();
            await using var body = await response.Content.ReadAsStreamAsync();
            using var page = await JsonDocument.ParseAsync(body);
            items += page.RootElement.GetProperty("value").GetArrayLength();
            pages++;
            next = page.RootElement.TryGetProperty("nextLink", out var link) ? link.GetString() : null;
        }

        return (items, pages);
    }
}
