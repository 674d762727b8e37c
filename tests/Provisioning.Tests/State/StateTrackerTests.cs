using Provisioning.Model;
using Provisioning.State;
using Provisioning.Testing;

namespace Provisioning.Tests.State;

public sealed class StateTrackerTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Removing_a_resource_keeps_the_others_in_their_recorded_order()
    {
        var resources = SampleCheckpoints.Resources(5);
        using var tracker = Tracker(new InMemoryStateStore(), resources);

        tracker.Remove(resources[0].Id);
        tracker.Remove(resources[2].Id);

        Assert.Equal([resources[1].Urn, resources[3].Urn, resources[4].Urn], tracker.Resources.Select(r => r.Urn));
    }

    [Fact]
    public void Setting_a_recorded_resource_replaces_it_in_place_whatever_the_case_of_its_id()
    {
        var resources = SampleCheckpoints.Resources(3);
        using var tracker = Tracker(new InMemoryStateStore(), resources);
        var changed = resources[1] with
        {
            Id = ArmResourceId.Parse(resources[1].Id.ToString().ToUpperInvariant()),
            Properties = Resource.PropertiesOf(("tenantId", "changed")),
        };

        tracker.Set(changed);

        Assert.Equal([resources[0].Urn, resources[1].Urn, resources[2].Urn], tracker.Resources.Select(r => r.Urn));
        Assert.Equal("changed", tracker.Resources[1].Properties["tenantId"]);
        Assert.Equal(changed.Id.ToString(), tracker.Resources[1].Id.ToString());
    }

    [Fact]
    public void Setting_a_new_resource_appends_it_and_removing_an_unknown_one_does_nothing()
    {
        var resources = SampleCheckpoints.Resources(3);
        using var tracker = Tracker(new InMemoryStateStore(), resources[..2]);

        tracker.Set(resources[2]);
        tracker.Remove(ArmResourceId.Parse("/subscriptions/x/resourceGroups/rg/providers/Microsoft.AzureStack/registrations/r/customerSubscriptions/none"));

        Assert.Equal(resources.Select(r => r.Urn), tracker.Resources.Select(r => r.Urn));
    }

    [Fact]
    public async Task Persisting_with_nothing_recorded_writes_nothing()
    {
        var store = new InMemoryStateStore();
        using var tracker = Tracker(store, SampleCheckpoints.Resources(2));

        await tracker.PersistAsync();

        Assert.Equal(0, store.Writes);
    }

    [Fact]
    public async Task Persisting_writes_every_result_recorded_so_far_once()
    {
        var store = new InMemoryStateStore();
        var resources = SampleCheckpoints.Resources(3);
        using var tracker = Tracker(store, []);
        tracker.Set(resources[0]);
        tracker.Set(resources[1]);

        await tracker.PersistAsync();
        await tracker.PersistAsync();
        tracker.Set(resources[2]);
        await tracker.PersistAsync();

        Assert.Equal(2, store.Writes);
        Assert.Equal(resources.Select(r => r.Urn), store.Current!.Resources.Select(r => r.Urn));
        Assert.Equal(Now, store.Current.Updated);
        Assert.Equal(("tenant-registrations", "dev"), (store.Current.Project, store.Current.Stack));
    }

    [Fact]
    public async Task Concurrent_persists_leave_the_store_holding_every_result()
    {
        var store = new InMemoryStateStore();
        var resources = SampleCheckpoints.Resources(40);
        using var tracker = Tracker(store, []);

        await Parallel.ForEachAsync(resources, async (r, ct) =>
        {
            tracker.Set(r);
            await tracker.PersistAsync(ct);
        });

        Assert.InRange(store.Writes, 1, 40);
        Assert.Equal(40, store.Current!.Resources.Length);
    }

    private static StateTracker Tracker(InMemoryStateStore store, IEnumerable<ResourceState> resources) =>
        new(store, new Checkpoint("tenant-registrations", "dev", DateTimeOffset.UnixEpoch, [.. resources]), new FixedTime());

    /// <summary>A clock stopped at <see cref="Now"/>.</summary>
    private sealed class FixedTime : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => Now;
    }
}
