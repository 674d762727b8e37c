using System.Text;
using Provisioning.State;

namespace Provisioning.Tests.State;

public sealed class CheckpointSerializerTests
{
    [Fact]
    public void A_checkpoint_is_written_as_versioned_indented_json_with_options_only_when_set()
    {
        var checkpoint = SampleCheckpoints.Two with { Resources = [SampleCheckpoints.Two.Resources[1]] };

        var json = Write(checkpoint);

        Assert.Equal(
            """
            {
              "version": 2,
              "project": "tenant-registrations",
              "stack": "dev",
              "updated": "2025-03-14T15:09:26+00:00",
              "sequence": 0,
              "checksum": "CHECKSUM",
              "resources": [
                {
                  "urn": "urn:pulumi:dev::tenant-registrations::azure-native:azurestack:CustomerSubscription::west-fabrikam",
                  "id": "/subscriptions/a1a1a1a1-0000-4000-8000-000000000001/resourceGroups/AzureStack/providers/Microsoft.AzureStack/registrations/azurestack-WEST01/customerSubscriptions/e0e0e0e0-bbbb-4bbb-8bbb-0000000000f2",
                  "type": "Microsoft.AzureStack/registrations/customerSubscriptions",
                  "apiVersion": "2017-06-01",
                  "properties": {
                    "tenantId": "22222222-bbbb-4bbb-8bbb-222222222222"
                  },
                  "protect": true,
                  "retainOnDelete": true
                }
              ]
            }
            """,
            json.ReplaceLineEndings("\n").Replace(CheckpointSerializer.Checksum(checkpoint.Resources), "CHECKSUM", StringComparison.Ordinal));
    }

    [Fact]
    public void Reading_what_was_written_gives_back_the_same_checkpoint()
    {
        using var stream = new MemoryStream();
        CheckpointSerializer.Write(stream, SampleCheckpoints.Two);
        stream.Position = 0;

        var read = CheckpointSerializer.Read(stream, "state.json");

        SampleCheckpoints.AssertSame(SampleCheckpoints.Two, read);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("""{"version":1,"project":"p","stack":"s","updated":"2025-03-14T15:09:26+00:00","resources":[{"urn":""")]
    [InlineData("[]")]
    [InlineData("""{"version":1,"project":"p","stack":"s","updated":"2025-03-14T15:09:26+00:00"}""")]
    [InlineData("""{"version":1,"project":"p","stack":"s","updated":"yesterday","resources":[]}""")]
    [InlineData("""{"version":1,"project":null,"stack":"s","updated":"2025-03-14T15:09:26+00:00","resources":[]}""")]
    [InlineData("""{"version":"1","project":"p","stack":"s","updated":"2025-03-14T15:09:26+00:00","resources":[]}""")]
    [InlineData("""{"version":1,"project":"p","stack":"s","updated":"2025-03-14T15:09:26+00:00","resources":[{"urn":null,"id":"/subscriptions/s","type":"t","apiVersion":"v","properties":{}}]}""")]
    [InlineData("""{"version":1,"project":"p","stack":"s","updated":"2025-03-14T15:09:26+00:00","resources":[{"urn":"urn:pulumi:s::p::t::n","id":"subscriptions/s","type":"t","apiVersion":"v","properties":{}}]}""")]
    [InlineData("""{"version":1,"project":"p","stack":"s","updated":"2025-03-14T15:09:26+00:00","resources":[{"urn":"urn:pulumi:s::p::t::n","id":"/subscriptions/s","type":null,"apiVersion":"v","properties":{}}]}""")]
    [InlineData("""{"version":1,"project":"p","stack":"s","updated":"2025-03-14T15:09:26+00:00","resources":[{"urn":"urn:pulumi:s::p::t::n","id":"/subscriptions/s","type":"t","apiVersion":"v","properties":{"tenantId":7}}]}""")]
    public void A_corrupt_or_truncated_file_is_refused_with_an_invalid_data_exception_naming_it(string json)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));

        var error = Assert.Throws<InvalidDataException>(() => CheckpointSerializer.Read(stream, "/home/op/.provision/dev.json"));

        Assert.StartsWith("/home/op/.provision/dev.json: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_state_file_from_a_future_version_is_refused()
    {
        using var stream = new MemoryStream("""{"version":3,"project":"p","stack":"s","updated":"2025-03-14T15:09:26+00:00","resources":[]}"""u8.ToArray());

        var error = Assert.Throws<InvalidDataException>(() => CheckpointSerializer.Read(stream, "dev.json"));

        Assert.Contains("version 3 is not supported", error.Message, StringComparison.Ordinal);
    }

    private static string Write(Checkpoint checkpoint)
    {
        using var stream = new MemoryStream();
        CheckpointSerializer.Write(stream, checkpoint);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
