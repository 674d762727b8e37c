using System.Diagnostics;
using System.Globalization;
using Provisioning.Model;
using Provisioning.State;

// Measures the cost of persisting one step (intent + result, each appended and flushed to disk) on a
// stack of 1,000 and of 100,000 mappings. Compaction is set beyond the measured steps, so only the
// per-step cost is timed; a full snapshot write is timed separately for comparison.
const int Steps = 200;
foreach (var size in new[] { 1_000, 100_000 })
{
    var dir = Directory.CreateTempSubdirectory("provision-bench-").FullName;
    try
    {
        using var store = new LocalFileStateStore(Path.Combine(dir, "bench.json"));
        var resources = Enumerable.Range(0, size).Select(Mapping).ToArray();
        var start = Checkpoint.Empty("bench", "bench") with { Resources = [.. resources] };
        using var tracker = new StateTracker(store, start, TimeProvider.System, compactionInterval: 10 * Steps);
        var snapshot = Stopwatch.StartNew();
        await tracker.PersistAsync();
        snapshot.Stop();

        var timer = Stopwatch.StartNew();
        for (var i = 0; i < Steps; i++)
        {
            var resource = resources[i] with { Properties = Resource.PropertiesOf(("tenantId", Guid.NewGuid().ToString())) };
            var intent = await tracker.BeginAsync(JournalOperation.Put, resource);
            tracker.Set(resource, intent);
            await tracker.PersistAsync();
        }

        timer.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{size,7} mappings: {timer.Elapsed.TotalMilliseconds / Steps,7:F3} ms per step (intent + result, 2 flushed appends); full snapshot write {snapshot.Elapsed.TotalMilliseconds,8:F1} ms"));
    }
    finally
    {
        Directory.Delete(dir, recursive: true);
    }
}

static ResourceState Mapping(int i) => new(
    Urn.Create("bench", "bench", "azure-native:azurestack:CustomerSubscription", $"m{i}"),
    ArmResourceId.Parse($"/subscriptions/6513270e-269e-4d37-b2a7-4de452e6b438/resourceGroups/azurestack/providers/Microsoft.AzureStack/registrations/azurestack-west/customerSubscriptions/{i:x8}-0000-4000-8000-{i:x12}"),
    "Microsoft.AzureStack/registrations/customerSubscriptions",
    "2017-06-01",
    Resource.PropertiesOf(("tenantId", $"{i:x8}-1111-4000-8000-{i:x12}")),
    null,
    ResourceOptions.None);
