using System.Net;
using System.Text.Json;

namespace Provisioning.ArmEmulator.Tests;

public sealed class PersistenceTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("arm-emulator-tests-").FullName;

    private string DataFile => Path.Combine(_directory, "state", "emulator.json");

    [Fact]
    public async Task The_data_file_keeps_registrations_and_mappings_across_restarts()
    {
        TestRegistration registration;
        var customerSubscription = Ids.New();
        var tenant = Ids.New();
        string cloudId;
        await using (var first = await ArmEmulator.StartAsync(new ArmEmulatorOptions { DataFile = DataFile }))
        {
            using var client = new ArmTestClient(first);
            registration = await client.CreateRegistrationAsync();
            using var put = await client.PutMappingAsync(registration, customerSubscription, tenant, etag: "e1");
            put.EnsureSuccessStatusCode();
            using var get = await client.GetAsync(registration.Path);
            cloudId = (await ArmTestClient.JsonAsync(get)).GetProperty("properties").GetProperty("cloudId").GetString()!;
        }

        await using var second = await ArmEmulator.StartAsync(new ArmEmulatorOptions { DataFile = DataFile });
        using var secondClient = new ArmTestClient(second);
        using var mapping = await secondClient.GetAsync(registration.CustomerSubscriptionPath(customerSubscription));
        using var reg = await secondClient.GetAsync(registration.Path);

        Assert.Equal(HttpStatusCode.OK, mapping.StatusCode);
        var json = await ArmTestClient.JsonAsync(mapping);
        Assert.Equal(tenant, json.GetProperty("properties").GetProperty("tenantId").GetString());
        Assert.Equal("e1", json.GetProperty("etag").GetString());
        Assert.Equal(cloudId, (await ArmTestClient.JsonAsync(reg)).GetProperty("properties").GetProperty("cloudId").GetString());
    }

    [Fact]
    public async Task With_no_save_interval_every_change_is_saved_at_once_and_no_temporary_file_is_left_behind()
    {
        await using var emulator = await ArmEmulator.StartAsync(new ArmEmulatorOptions { DataFile = DataFile, SaveInterval = TimeSpan.Zero });
        using var client = new ArmTestClient(emulator);
        var registration = await client.CreateRegistrationAsync();
        var customerSubscription = Ids.New();

        using (await client.PutMappingAsync(registration, customerSubscription, Ids.New()))
        {
        }

        var saved = JsonDocument.Parse(await File.ReadAllTextAsync(DataFile)).RootElement;
        Assert.Equal(1, saved.GetProperty("version").GetInt32());
        var stored = Assert.Single(saved.GetProperty("registrations").EnumerateArray());
        Assert.Equal(customerSubscription, stored.GetProperty("customerSubscriptions")[0].GetProperty("name").GetString());

        using (await client.DeleteAsync(registration.CustomerSubscriptionPath(customerSubscription)))
        {
        }

        saved = JsonDocument.Parse(await File.ReadAllTextAsync(DataFile)).RootElement;
        Assert.Equal(0, saved.GetProperty("registrations")[0].GetProperty("customerSubscriptions").GetArrayLength());
        Assert.Equal(["emulator.json"], Directory.GetFiles(Path.GetDirectoryName(DataFile)!).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Concurrent_puts_all_reach_the_data_file()
    {
        var registration = TestRegistration.NewUnique();
        await using (var emulator = await ArmEmulator.StartAsync(new ArmEmulatorOptions { DataFile = DataFile }))
        {
            using var client = new ArmTestClient(emulator);
            using (await client.PutRegistrationAsync(registration))
            {
            }

            await Task.WhenAll(Enumerable.Range(0, 40).Select(async _ =>
            {
                using var put = await client.PutMappingAsync(registration, Ids.New(), Ids.New());
                put.EnsureSuccessStatusCode();
            }));
        }

        await using var restarted = await ArmEmulator.StartAsync(new ArmEmulatorOptions { DataFile = DataFile });
        Assert.Equal(40, restarted.Store.MappingCount);
    }

    [Fact]
    public async Task Changes_are_saved_together_at_most_once_per_interval_and_dispose_saves_the_rest()
    {
        var time = FakeClock.New();
        var registration = TestRegistration.NewUnique();
        var options = new ArmEmulatorOptions { DataFile = DataFile, SaveInterval = TimeSpan.FromSeconds(1), TimeProvider = time };
        int savesBeforeInterval, savesAfterInterval, savedAfterInterval;
        await using (var emulator = await ArmEmulator.StartAsync(options))
        {
            using var client = new ArmTestClient(emulator);
            emulator.Store.SeedRegistration(registration.SubscriptionId, registration.ResourceGroup, registration.Name);
            for (var i = 0; i < 100; i++)
            {
                using var put = await client.PutMappingAsync(registration, Ids.New(), Ids.New());
                put.EnsureSuccessStatusCode();
            }

            savesBeforeInterval = emulator.Store.DataFileSaveCount;
            time.Advance(TimeSpan.FromSeconds(1));
            savesAfterInterval = emulator.Store.DataFileSaveCount;
            savedAfterInterval = JsonDocument.Parse(await File.ReadAllTextAsync(DataFile)).RootElement
                .GetProperty("registrations")[0].GetProperty("customerSubscriptions").GetArrayLength();
            for (var i = 0; i < 50; i++)
            {
                using var put = await client.PutMappingAsync(registration, Ids.New(), Ids.New());
                put.EnsureSuccessStatusCode();
            }
        }

        await using var restarted = await ArmEmulator.StartAsync(new ArmEmulatorOptions { DataFile = DataFile });

        Assert.Equal(0, savesBeforeInterval);
        Assert.Equal(1, savesAfterInterval);
        Assert.Equal(100, savedAfterInterval);
        Assert.Equal(150, restarted.Store.MappingCount);
        Assert.Equal(["emulator.json"], Directory.GetFiles(Path.GetDirectoryName(DataFile)!).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Flush_writes_pending_changes_at_once()
    {
        var options = new ArmEmulatorOptions { DataFile = DataFile, SaveInterval = TimeSpan.FromHours(1), TimeProvider = FakeClock.New() };
        await using var emulator = await ArmEmulator.StartAsync(options);
        emulator.Store.SeedRegistration(Ids.New(), "azurestack", "west");

        emulator.Store.Flush();

        Assert.Equal("west", JsonDocument.Parse(await File.ReadAllTextAsync(DataFile)).RootElement.GetProperty("registrations")[0].GetProperty("name").GetString());
        Assert.Equal(1, emulator.Store.DataFileSaveCount);
    }

    [Fact]
    public async Task Every_acknowledged_put_and_delete_is_in_the_data_file_when_the_host_is_disposed_at_once()
    {
        // An interval far longer than the test: only the final flush can have written these changes.
        var options = new ArmEmulatorOptions { DataFile = DataFile, SaveInterval = TimeSpan.FromHours(1), Throttling = { Enabled = false } };
        var registration = TestRegistration.NewUnique();
        var kept = new List<string>();
        await using (var emulator = await ArmEmulator.StartAsync(options))
        {
            using var client = new ArmTestClient(emulator);
            using (var created = await client.PutRegistrationAsync(registration))
            {
                created.EnsureSuccessStatusCode();
            }

            var all = Enumerable.Range(0, 300).Select(_ => Ids.New()).ToList();
            await Task.WhenAll(all.Select(async id =>
            {
                using var put = await client.PutMappingAsync(registration, id, Ids.New());
                put.EnsureSuccessStatusCode();
            }));
            foreach (var id in all.Take(100))
            {
                using var delete = await client.DeleteAsync(registration.CustomerSubscriptionPath(id));
                delete.EnsureSuccessStatusCode();
            }

            kept.AddRange(all.Skip(100));
        }

        await using var restarted = await ArmEmulator.StartAsync(new ArmEmulatorOptions { DataFile = DataFile });

        Assert.Equal(kept.Order(StringComparer.Ordinal), restarted.Store.GetAllMappings().Select(m => m.CustomerSubscriptionId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task When_the_process_ends_without_dispose_pending_changes_are_written()
    {
        var options = new ArmEmulatorOptions { DataFile = DataFile, SaveInterval = TimeSpan.FromHours(1), TimeProvider = FakeClock.New() };
        await using var emulator = await ArmEmulator.StartAsync(options);
        var registration = emulator.Store.SeedRegistration(Ids.New(), "azurestack", "west");
        emulator.Store.SeedMappings(registration.SubscriptionId, "azurestack", "west", [(Ids.New(), Ids.New())]);
        var before = File.Exists(DataFile);

        // What AppDomain.ProcessExit (SIGTERM, Environment.Exit, the end of Main) and an unhandled exception call.
        emulator.Store.OnProcessEnding();

        Assert.False(before);
        var saved = JsonDocument.Parse(await File.ReadAllTextAsync(DataFile)).RootElement.GetProperty("registrations")[0];
        Assert.Equal(1, saved.GetProperty("customerSubscriptions").GetArrayLength());
    }

    [Fact]
    public async Task A_change_acknowledged_after_the_saver_closed_is_written_at_once()
    {
        var options = new ArmEmulatorOptions { DataFile = DataFile, SaveInterval = TimeSpan.FromHours(1), TimeProvider = FakeClock.New() };
        await using var emulator = await ArmEmulator.StartAsync(options);
        emulator.Store.OnProcessEnding();

        emulator.Store.SeedRegistration(Ids.New(), "azurestack", "late");

        Assert.Equal("late", JsonDocument.Parse(await File.ReadAllTextAsync(DataFile)).RootElement.GetProperty("registrations")[0].GetProperty("name").GetString());
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
