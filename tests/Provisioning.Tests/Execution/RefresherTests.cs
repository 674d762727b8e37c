using Provisioning.AzureStack;
using Provisioning.Execution;
using Provisioning.Model;
using Provisioning.Testing;
using static Provisioning.Tests.AzureStack.SampleStacks;

namespace Provisioning.Tests.Execution;

public sealed class RefresherTests
{
    private static readonly ResourceGraph Desired = SingleStamp().Expand();

    [Fact]
    public void ParentsOf_gives_each_parent_once_in_first_seen_order_ignoring_case()
    {
        var west = ArmResourceId.Parse("/subscriptions/s/resourceGroups/rg/providers/Microsoft.AzureStack/registrations/west");
        var east = ArmResourceId.Parse("/subscriptions/s/resourceGroups/rg/providers/Microsoft.AzureStack/registrations/east");
        var children = new[]
        {
            west.Child("customerSubscriptions", "a"),
            west.Child("customerSubscriptions", "b"),
            east.Child("customerSubscriptions", "a"),
            ArmResourceId.Parse(west.ToString().ToUpperInvariant()).Child("customerSubscriptions", "c"),
            west,
        };

        var parents = Refresher.ParentsOf(children);

        Assert.Equal([west, east], parents);
        Assert.Equal(west.ToString(), parents[0].ToString());
    }

    [Fact]
    public async Task A_refresh_groups_what_it_listed_by_parent()
    {
        var (provider, registration, absent) = await DeployedAsync();

        var refreshed = await Refresher.RefreshAsync(provider, [registration, absent, registration], TenantRegistration.ChildTypeSegment, TenantRegistration.ApiVersion);

        Assert.Equal(Desired.Count, refreshed.Resources.Length);
        Assert.Equal(refreshed.Resources.Select(r => r.Id), refreshed.ByParent[registration].Select(r => r.Id));
        Assert.Empty(refreshed.ByParent[absent]);
        Assert.Equal(2, refreshed.ByParent.Count);
    }

    [Fact]
    public async Task Progress_hears_of_every_parent_and_ends_with_all_listed_and_every_child_counted()
    {
        var (provider, registration, absent) = await DeployedAsync();
        var reports = new List<RefreshProgress>();
        var progress = new Collecting(reports);

        await Refresher.RefreshAsync(provider, [registration, absent], TenantRegistration.ChildTypeSegment, TenantRegistration.ApiVersion, progress: progress);

        Assert.Equal(2, reports.Count);
        Assert.Equal(new RefreshProgress(2, 2, Desired.Count), reports.MaxBy(r => r.ParentsListed));
    }

    /// <summary>A provider holding every desired mapping (all under one registration), that registration, and a registration that does not exist.</summary>
    private static async Task<(InMemoryResourceProvider Provider, ArmResourceId Registration, ArmResourceId Absent)> DeployedAsync()
    {
        var provider = new InMemoryResourceProvider();
        foreach (var resource in Desired.Resources)
        {
            await provider.PutAsync(resource.Id, resource.ApiVersion, resource.Properties);
        }

        var registration = Desired.Resources.First().Id.Parent!.Value;
        return (provider, registration, ArmResourceId.Parse(registration + "-absent"));
    }

    private sealed class Collecting(List<RefreshProgress> reports) : IProgress<RefreshProgress>
    {
        public void Report(RefreshProgress value)
        {
            lock (reports)
            {
                reports.Add(value);
            }
        }
    }
}
