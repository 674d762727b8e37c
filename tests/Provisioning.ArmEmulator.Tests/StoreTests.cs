using System.Diagnostics;
using System.Net;

namespace Provisioning.ArmEmulator.Tests;

public sealed class StoreTests
{
    [Fact]
    public void Seeded_mappings_follow_the_one_subscription_per_tenant_rule()
    {
        var store = new EmulatorStore(dataFile: null);
        var registration = store.SeedRegistration(Ids.New(), "azurestack", "west");
        var tenant = Ids.New();
        var later = Ids.New();

        store.SeedMappings(registration.SubscriptionId, "AZURESTACK", "WEST", [(Ids.New(), tenant), (later, tenant)]);

        var mapping = Assert.Single(store.GetAllMappings());
        Assert.Equal(later, mapping.CustomerSubscriptionId);
        Assert.Equal(registration, mapping.Registration);
    }

    [Fact]
    public void Seeding_mappings_under_a_missing_registration_throws()
    {
        var store = new EmulatorStore(dataFile: null);

        Assert.Throws<InvalidOperationException>(() => store.SeedMappings(Ids.New(), "rg", "missing", [(Ids.New(), Ids.New())]));
    }

    [Fact]
    public async Task A_million_mappings_page_quickly_from_any_skip_token()
    {
        await using var emulator = await ArmEmulator.StartAsync(new ArmEmulatorOptions());
        var registration = new TestRegistration(Ids.New(), "azurestack", "big");
        emulator.Store.SeedRegistration(registration.SubscriptionId, registration.ResourceGroup, registration.Name);
        var ids = Enumerable.Range(0, 1_000_000).Select(i => new Guid(i, 0, 0, new byte[8]).ToString().ToUpperInvariant()).ToList();
        emulator.Store.SeedMappings(
            registration.SubscriptionId, registration.ResourceGroup, registration.Name,
            ids.Select(id => (id, id)));
        using var client = new ArmTestClient(emulator);
        using (await client.GetAsync(registration.CustomerSubscriptionsPath))
        {
        }

        var watch = Stopwatch.StartNew();
        for (var page = 0; page < 50; page++)
        {
            var skipToken = ids[999_000 + page];
            using var response = await client.GetAsync($"{registration.CustomerSubscriptionsPath}?$skipToken={skipToken}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        watch.Stop();
        Assert.Equal(1_000_000, emulator.Store.MappingCount);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"50 pages near the end of a million took {watch.Elapsed}.");
    }
}
