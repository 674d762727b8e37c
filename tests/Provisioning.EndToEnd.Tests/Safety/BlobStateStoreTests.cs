using Azure.Storage.Blobs;
using Provisioning.Azure.State;
using Provisioning.Model;
using Provisioning.State;
namespace Provisioning.EndToEnd.Tests.Safety;

/// <summary>The Azure Blob state store on this run's Azurite.</summary>
[Collection(ProcessEnvironment.Name)]
public sealed class BlobStateStoreTests(Azurite azurite)
{
    // One tenant on two registrations: one property set, as the desired graph holds it.
    private static readonly System.Collections.Immutable.ImmutableSortedDictionary<string, string> Contoso = Resource.PropertiesOf(("tenantId", "11111111-aaaa-4aaa-8aaa-111111111111"));

    private static readonly ResourceState West = Mapping("west-contoso", "d0d0d0d0-aaaa-4aaa-8aaa-0000000000c1");

    private static readonly ResourceState East = Mapping("east-contoso", "e0e0e0e0-aaaa-4aaa-8aaa-0000000000c1");

    [SkippableFact]
    public async Task Read_with_an_interner_the_blob_snapshot_and_journal_share_the_desired_instances()
    {
        // Skipped (and reported as skipped) only when Azurite cannot be installed: no npm on the machine.
        azurite.EnsureStarted();

        var container = new BlobContainerClient(azurite.ConnectionString, "state");
        var url = BlobBackendUrl.Parse($"azblob://state/e2e-{Guid.NewGuid():N}");
        var writer = new AzureBlobStateStore(container, url, "tenant-registrations", "dev");
        await writer.ReadAsync();
        await writer.WriteAsync(new Checkpoint("tenant-registrations", "dev", DateTimeOffset.UnixEpoch, [West]) { Sequence = 1 });
        await writer.AppendAsync([new JournalRecord(2, JournalRecordKind.Set, East.Id, Resource: East)]);
        var desired = new[] { West, East }.Select(r => new Resource(r.Urn, r.Id, r.Type, r.ApiVersion, r.Properties, r.Parent, r.Options)).ToList();
        var interner = Interner.From(new ResourceGraph("tenant-registrations", "dev", [new Component(Urn.Create("dev", "tenant-registrations", "c", "all"), "c", "all", desired)]));

        var read = await new AzureBlobStateStore(container, url, "tenant-registrations", "dev").ReadAsync(interner);

        Assert.Equal(2, read!.Resources.Length);
        foreach (var (expected, recorded) in desired.Zip(read.Resources))
        {
            Assert.Same(expected.Urn, recorded.Urn);
            Assert.True(expected.Id.SharesTextWith(recorded.Id));
            Assert.Same(expected.Type, recorded.Type);
            Assert.Same(expected.Properties, recorded.Properties);
        }
    }

    private static ResourceState Mapping(string name, string subscription) => new(
        Urn.Create("dev", "tenant-registrations", "azure-native:azurestack:CustomerSubscription", name),
        ArmResourceId.Parse($"/subscriptions/a1a1a1a1-0000-4000-8000-000000000001/resourceGroups/AzureStack/providers/Microsoft.AzureStack/registrations/azurestack-WEST01/customerSubscriptions/{subscription}"),
        "Microsoft.AzureStack/registrations/customerSubscriptions",
        "2017-06-01",
        Contoso,
        null,
        ResourceOptions.None);
}
