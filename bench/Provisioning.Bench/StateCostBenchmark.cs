using System.Diagnostics;
using System.Globalization;
using Provisioning.Model;
using Provisioning.State;

namespace Provisioning.Bench;

/// <summary>
/// P3: the cost of persisting one step (intent and result, each appended to the journal and flushed) as the state
/// grows. Compaction is set beyond the measured steps, so only the per-step cost is timed.
/// </summary>
internal static class StateCostBenchmark
{
    public static async Task<IReadOnlyList<BenchRow>> RunAsync(BenchSettings settings, CancellationToken cancellationToken = default)
    {
        var perStep = new List<(int Size, double Milliseconds, double SnapshotMilliseconds)>();
        foreach (var size in settings.StateSizes)
        {
            perStep.Add(await MeasureAsync(size, settings.StateSteps, cancellationToken));
        }

        var smallest = perStep[0].Milliseconds;
        return [.. perStep.Select(p =>
        {
            var ratio = p.Milliseconds / smallest;
            return new BenchRow(
                "P3",
                string.Create(CultureInfo.InvariantCulture, $"persist one step at {p.Size:N0} mappings"),
                p.Milliseconds,
                "ms",
                "flat (≤ 2× the smallest)",
                ratio <= 2,
                string.Create(CultureInfo.InvariantCulture, $"{settings.StateSteps} steps, {ratio:F2}× the smallest; a full snapshot write takes {p.SnapshotMilliseconds:F1} ms"));
        })];
    }

    private static async Task<(int Size, double Milliseconds, double SnapshotMilliseconds)> MeasureAsync(int size, int steps, CancellationToken cancellationToken)
    {
        var directory = Directory.CreateTempSubdirectory("provision-bench-").FullName;
        try
        {
            using var store = new LocalFileStateStore(Path.Combine(directory, "bench.json"));
            var resources = Enumerable.Range(0, size).Select(Mapping).ToArray();
            var start = Checkpoint.Empty("bench", "bench") with { Resources = [.. resources] };
            using var tracker = new StateTracker(store, start, TimeProvider.System, compactionInterval: 10 * steps);
            var snapshot = Stopwatch.StartNew();
            await tracker.PersistAsync(cancellationToken);
            snapshot.Stop();

            var timer = Stopwatch.StartNew();
            for (var i = 0; i < steps; i++)
            {
                var resource = resources[i % size] with { Properties = Resource.PropertiesOf(("tenantId", Guid.NewGuid().ToString())) };
                var intent = await tracker.BeginAsync(JournalOperation.Put, resource, cancellationToken);
                tracker.Set(resource, intent);
                await tracker.PersistAsync(cancellationToken);
            }

            timer.Stop();
            return (size, timer.Elapsed.TotalMilliseconds / steps, snapshot.Elapsed.TotalMilliseconds);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static ResourceState Mapping(int i) => new(
        Urn.Create("bench", "bench", "azure-native:azurestack:CustomerSubscription", string.Create(CultureInfo.InvariantCulture, $"m{i}")),
        ArmResourceId.Parse(string.Create(CultureInfo.InvariantCulture, $"/subscriptions/6513270e-269e-4d37-b2a7-4de452e6b438/resourceGroups/azurestack/providers/Microsoft.AzureStack/registrations/azurestack-west/customerSubscriptions/{i:x8}-0000-4000-8000-{i:x12}")),
        "Microsoft.AzureStack/registrations/customerSubscriptions",
        "2017-06-01",
        Resource.PropertiesOf(("tenantId", string.Create(CultureInfo.InvariantCulture, $"{i:x8}-1111-4000-8000-{i:x12}"))),
        null,
        ResourceOptions.None);
}
