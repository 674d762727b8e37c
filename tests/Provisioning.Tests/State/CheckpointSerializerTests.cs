using System.Collections.Immutable;
using System.Text;
using Provisioning.State;

namespace Provisioning.Tests.State;

public sealed class CheckpointSerializerTests
{
    private const string Fabrikam =
        """
        {"urn":"urn:pulumi:dev::tenant-registrations::azure-native:azurestack:CustomerSubscription::west-fabrikam","id":"/subscriptions/a1a1a1a1-0000-4000-8000-000000000001/resourceGroups/AzureStack/providers/Microsoft.AzureStack/registrations/azurestack-WEST01/customerSubscriptions/e0e0e0e0-bbbb-4bbb-8bbb-0000000000f2","type":"Microsoft.AzureStack/registrations/customerSubscriptions","apiVersion":"2017-06-01","properties":{"tenantId":"22222222-bbbb-4bbb-8bbb-222222222222"},"protect":true,"retainOnDelete":true}
        """;

    [Fact]
    public void A_checkpoint_is_written_as_versioned_compact_json_with_options_only_when_set_and_the_checksum_last()
    {
        var checkpoint = SampleCheckpoints.Two with { Resources = [SampleCheckpoints.Two.Resources[1]] };

        var json = Write(checkpoint);

        Assert.Equal(
            """{"version":2,"project":"tenant-registrations","stack":"dev","updated":"2025-03-14T15:09:26+00:00","sequence":0,"resources":["""
            + Fabrikam + """],"checksum":"CHECKSUM"}""",
            json.Replace(CheckpointSerializer.Checksum(checkpoint.Resources), "CHECKSUM", StringComparison.Ordinal));
    }

    [Fact]
    public void An_indented_file_with_the_checksum_first_as_earlier_versions_wrote_is_still_read_and_verified()
    {
        var checkpoint = SampleCheckpoints.Two with { Resources = [SampleCheckpoints.Two.Resources[1]] };
        var indented = $$"""
            {
              "version": 2,
              "project": "tenant-registrations",
              "stack": "dev",
              "updated": "2025-03-14T15:09:26+00:00",
              "sequence": 0,
              "checksum": "{{CheckpointSerializer.Checksum(checkpoint.Resources)}}",
              "resources": [
                {{Fabrikam}}
              ]
            }
            """;
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(indented));

        var read = CheckpointSerializer.Read(stream, "state.json");

        SampleCheckpoints.AssertSame(checkpoint, read);
        using var edited = new MemoryStream(Encoding.UTF8.GetBytes(indented.Replace("22222222-bbbb", "33333333-bbbb", StringComparison.Ordinal)));
        Assert.Contains("checksum does not match", Assert.Throws<InvalidDataException>(() => CheckpointSerializer.Read(edited, "state.json")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_indented_version_1_file_without_a_checksum_or_a_sequence_is_still_read()
    {
        var checkpoint = SampleCheckpoints.Two with { Resources = [SampleCheckpoints.Two.Resources[1]] };
        var indented = $$"""
            {
              "version": 1,
              "project": "tenant-registrations",
              "stack": "dev",
              "updated": "2025-03-14T15:09:26+00:00",
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
            """;
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(indented));

        var read = CheckpointSerializer.Read(stream, "state.json");

        SampleCheckpoints.AssertSame(checkpoint, read);
        Assert.Equal(0, read.Sequence);
    }

    [Fact]
    public void A_large_state_is_read_across_many_slices_and_a_changed_byte_anywhere_in_its_resources_is_detected()
    {
        var template = SampleCheckpoints.Two.Resources[0];
        var many = Enumerable.Range(0, 3_000)
            .Select(i => template with { Id = Provisioning.Model.ArmResourceId.Parse($"{template.Id.Parent}/customerSubscriptions/{i:x8}-0000-4000-8000-000000000000") })
            .ToImmutableArray();
        var checkpoint = SampleCheckpoints.Two with { Resources = many };
        var bytes = Encoding.UTF8.GetBytes(Write(checkpoint));
        Assert.True(bytes.Length > 4 * (1 << 16), $"{bytes.Length} bytes");

        var read = CheckpointSerializer.Read(new MemoryStream(bytes), "state.json");

        Assert.Equal(many.Select(r => r.Id.ToString()), read.Resources.Select(r => r.Id.ToString()));
        var at = Encoding.UTF8.GetString(bytes).IndexOf("00000bb7-0000", StringComparison.Ordinal);
        bytes[at] = (byte)'1';
        Assert.Contains("checksum does not match", Assert.Throws<InvalidDataException>(() => CheckpointSerializer.Read(new MemoryStream(bytes), "state.json")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_large_state_cut_short_anywhere_is_refused_as_corrupt_or_truncated()
    {
        var template = SampleCheckpoints.Two.Resources[0];
        var checkpoint = SampleCheckpoints.Two with
        {
            Resources = [.. Enumerable.Range(0, 1_000).Select(i => template with { Id = Provisioning.Model.ArmResourceId.Parse($"{template.Id.Parent}/customerSubscriptions/{i:x8}-0000-4000-8000-000000000000") })],
        };
        var bytes = Encoding.UTF8.GetBytes(Write(checkpoint));

        foreach (var cut in Enumerable.Range(1, 19).Select(i => bytes.Length * i / 20).Append(bytes.Length - 1))
        {
            var error = Assert.Throws<InvalidDataException>(() => CheckpointSerializer.Read(new MemoryStream(bytes[..cut]), "state.json"));
            Assert.Contains("corrupt or truncated", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void With_an_interner_the_resources_read_share_the_desired_instances()
    {
        var desired = SampleCheckpoints.Two.Resources[1];
        var resource = new Provisioning.Model.Resource(desired.Urn, desired.Id, desired.Type, desired.ApiVersion, desired.Properties, desired.Parent, desired.Options);
        var interner = Provisioning.Model.Interner.From(new Provisioning.Model.ResourceGraph("p", "dev", [new Provisioning.Model.Component(Provisioning.Model.Urn.Create("dev", "p", "c", "west"), "c", "west", [resource])]));
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(Write(SampleCheckpoints.Two)));

        var read = CheckpointSerializer.Read(stream, "state.json", interner).Resources[1];

        Assert.Same(desired.Urn, read.Urn);
        Assert.Same(desired.Id.ToString(), read.Id.ToString());
        Assert.Same(desired.Type, read.Type);
        Assert.Same(desired.Properties, read.Properties);
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
