using System.Collections.Immutable;
using Provisioning.Model;
using Provisioning.State;

namespace Provisioning.Tests.State;

internal static class SampleCheckpoints
{
    public static readonly Urn West = Urn.Create("dev", "tenant-registrations", "provisioning:azurestack:TenantRegistration", "west");

    /// <summary>Two mappings: one plain, one protected and retained on delete; and a resource with no parent.</summary>
    public static Checkpoint Two { get; } = new(
        "tenant-registrations",
        "dev",
        new DateTimeOffset(2025, 3, 14, 15, 9, 26, TimeSpan.Zero),
        [
            Mapping("west-contoso", "D0D0D0D0-aaaa-4aaa-8aaa-0000000000c1", "11111111-aaaa-4aaa-8aaa-111111111111", ResourceOptions.None, West),
            Mapping("west-fabrikam", "e0e0e0e0-bbbb-4bbb-8bbb-0000000000f2", "22222222-bbbb-4bbb-8bbb-222222222222", new ResourceOptions(Protect: true, RetainOnDelete: true), null),
        ]);

    public static ResourceState Mapping(string name, string subscription, string tenant, ResourceOptions options, Urn? parent) => new(
        Urn.Create("dev", "tenant-registrations", "azure-native:azurestack:CustomerSubscription", name, parent),
        ArmResourceId.Parse($"/subscriptions/a1a1a1a1-0000-4000-8000-000000000001/resourceGroups/AzureStack/providers/Microsoft.AzureStack/registrations/azurestack-WEST01/customerSubscriptions/{subscription}"),
        "Microsoft.AzureStack/registrations/customerSubscriptions",
        "2017-06-01",
        Resource.PropertiesOf(("tenantId", tenant)),
        parent,
        options);

    /// <summary>Asserts two checkpoints hold the same data (records of immutable collections compare by reference).</summary>
    public static void AssertSame(Checkpoint expected, Checkpoint actual)
    {
        Assert.Equal(expected.Project, actual.Project);
        Assert.Equal(expected.Stack, actual.Stack);
        Assert.Equal(expected.Updated, actual.Updated);
        Assert.Equal(expected.Resources.Length, actual.Resources.Length);
        foreach (var (e, a) in expected.Resources.Zip(actual.Resources))
        {
            Assert.Equal(e.Urn, a.Urn);
            Assert.Equal(e.Id.ToString(), a.Id.ToString());
            Assert.Equal(e.Type, a.Type);
            Assert.Equal(e.ApiVersion, a.ApiVersion);
            Assert.Equal<KeyValuePair<string, string>>(e.Properties, a.Properties);
            Assert.Equal(e.Parent, a.Parent);
            Assert.Equal(e.Options, a.Options);
        }
    }

    public static ImmutableArray<ResourceState> Resources(int count) =>
        [.. Enumerable.Range(1, count).Select(i => Mapping($"west-t{i}", $"{i:D8}-1111-4111-8111-111111111111", $"{i:D8}-0000-4000-8000-000000000000", ResourceOptions.None, West))];
}
