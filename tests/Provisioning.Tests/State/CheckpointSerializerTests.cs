using System.Collections.Immutable;
using System.Text;
using Provisioning.Diagnostics;
using Provisioning.State;

namespace Provisioning.Tests.State;

public sealed class CheckpointSerializerTests
{
    private const string Fabrikam =
        """
        {"urn":"urn:pulumi:dev::tenant-registrations::azure-native:azurestack:CustomerSubscription::west-fabrikam","id":"/subscriptions/a1a1a1a1-0000-4000-8000-000000000001/resourceGroups/AzureStack/providers/Microsoft.AzureStack/registrations/azurestack-WEST01/customerSubscriptions/e0e0e0e0-bbbb-4bbb-8bbb-0000000000f2","type":"Microsoft.AzureStack/registrations/customerSubscriptions","apiVersion":"2017-06-01","properties":{"tenantId":"22222222-bbbb-4bbb-8bbb-222222222222"},"protect":true,"retainOnDelete":true}
        """;

    private static readonly StateIdentity Dev = new("tenant-registrations", "dev");

    /// <summary>The codes of a file whose content is wrong (exit code 2).</summary>
    private static readonly string[] ContentCodes = ["PRV100", "PRV101", "PRV102", "PRV103", "PRV104"];

    [Fact]
    public void A_checkpoint_is_written_as_versioned_compact_json_with_options_only_when_set_and_the_checksum_last()
    {
        var checkpoint = SampleCheckpoints.Two with { Resources = [SampleCheckpoints.Two.Resources[1]] };

        var json = Write(checkpoint);

        var expected = """{"version":3,"minor":0,"project":"tenant-registrations","stack":"dev","updated":"2025-03-14T15:09:26+00:00","sequence":0,"resources":["""
            + Fabrikam + "],\"checksum\":\"" + CheckpointSerializer.Checksum(checkpoint, CheckpointSerializer.ResourcesChecksum(checkpoint.Resources)) + "\"}";
        Assert.Equal(expected, json);
    }

    [Theory]
    [InlineData("\"stack\":\"dev\"", "\"stack\":\"prd\"")]
    [InlineData("\"project\":\"tenant-registrations\"", "\"project\":\"tenant-registrationz\"")]
    [InlineData("\"sequence\":0", "\"sequence\":9")]
    [InlineData("\"updated\":\"2025", "\"updated\":\"2026")]
    [InlineData("22222222-bbbb", "33333333-bbbb")]
    [InlineData("\"protect\":true,", "")]
    [InlineData("\"sequence\":0,", "\"sequence\":0,\"pending\":[{\"sequence\":1,\"operation\":\"put\",\"resource\":" + Fabrikam + "}],")]
    [InlineData("\"version\":3", "\"version\":2")]
    public void Every_field_is_covered_by_the_checksum(string from, string to)
    {
        var json = Write(SampleCheckpoints.Two);
        Assert.Contains(from, json, StringComparison.Ordinal);
        var edited = json.Replace(from, to, StringComparison.Ordinal);

        var e = Assert.Throws<DiagnosticException>(() => Read(edited, "dev.json"));

        var d = Assert.Single(e.Diagnostics);
        Assert.Equal("PRV101", d.Code);
        Assert.Equal(DiagnosticOrigin.Input, d.Origin);
        Assert.Contains("'dev.json'", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_known_member_given_twice_is_refused_even_after_the_checksum()
    {
        var json = Write(SampleCheckpoints.Two);
        var edited = json[..^1] + ",\"stack\":\"prod\"}";

        var e = Assert.Throws<DiagnosticException>(() => Read(edited, "dev.json"));

        Assert.Equal("PRV100", e.Diagnostics[0].Code);
        Assert.Contains("'stack' appears more than once", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("twice-the-same-id")]
    [InlineData("twice-the-same-urn")]
    public void A_state_with_two_resources_under_one_id_or_one_urn_is_refused_even_with_a_valid_checksum(string what)
    {
        var first = SampleCheckpoints.Two.Resources[0];
        var twin = what == "twice-the-same-id"
            ? first with { Urn = Provisioning.Model.Urn.Create("dev", "tenant-registrations", "azure-native:azurestack:CustomerSubscription", "twin") }
            : SampleCheckpoints.Two.Resources[1] with { Urn = first.Urn };
        var checkpoint = SampleCheckpoints.Two with { Resources = [first, twin] };

        var e = Assert.Throws<DiagnosticException>(() => Read(Write(checkpoint), "dev.json"));

        Assert.Equal("PRV100", e.Diagnostics[0].Code);
        Assert.Contains("appears more than once", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_state_of_another_stack_is_refused_naming_the_file_what_it_is_bound_to_and_what_was_expected()
    {
        var prod = SampleCheckpoints.Two with { Stack = "prod", Resources = [] };

        var e = Assert.Throws<DiagnosticException>(() => CheckpointSerializer.Read(new MemoryStream(Encoding.UTF8.GetBytes(Write(prod))), "/s/dev.json", Dev));

        var d = Assert.Single(e.Diagnostics);
        Assert.Equal("PRV102", d.Code);
        Assert.Equal(DiagnosticOrigin.Input, d.Origin);
        Assert.Contains("'/s/dev.json' belongs to stack 'prod' of project 'tenant-registrations', not to stack 'dev' of project 'tenant-registrations'", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_state_of_another_project_is_refused()
    {
        var other = SampleCheckpoints.Two with { Project = "billing", Resources = [] };

        var e = Assert.Throws<DiagnosticException>(() => CheckpointSerializer.Read(new MemoryStream(Encoding.UTF8.GetBytes(Write(other))), "dev.json", Dev));

        Assert.Contains("project 'billing'", Assert.Single(e.Diagnostics).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_state_whose_header_names_this_stack_but_whose_resources_are_another_stacks_is_refused()
    {
        var prodResource = SampleCheckpoints.Two.Resources[0] with { Urn = Provisioning.Model.Urn.Create("prod", "tenant-registrations", "azure-native:azurestack:CustomerSubscription", "west-contoso") };
        var mixed = SampleCheckpoints.Two with { Resources = [SampleCheckpoints.Two.Resources[1], prodResource] };

        var e = Assert.Throws<DiagnosticException>(() => CheckpointSerializer.Read(new MemoryStream(Encoding.UTF8.GetBytes(Write(mixed))), "dev.json", Dev));

        var d = Assert.Single(e.Diagnostics);
        Assert.Equal("PRV102", d.Code);
        Assert.Contains("stack 'prod'", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pending_operation_of_another_stack_is_refused()
    {
        var foreign = SampleCheckpoints.Two.Resources[0] with { Urn = Provisioning.Model.Urn.Create("prod", "tenant-registrations", "t", "n") };
        var checkpoint = SampleCheckpoints.Two with { Pending = [new PendingOperation(3, JournalOperation.Delete, foreign)] };

        var e = Assert.Throws<DiagnosticException>(() => CheckpointSerializer.Read(new MemoryStream(Encoding.UTF8.GetBytes(Write(checkpoint))), "dev.json", Dev));

        Assert.Equal("PRV102", Assert.Single(e.Diagnostics).Code);
    }

    [Fact]
    public void A_format_2_file_whose_resources_checksum_matches_is_read_and_verified_and_bound_through_its_urns()
    {
        var checkpoint = SampleCheckpoints.Two with { Resources = [SampleCheckpoints.Two.Resources[1]] };
        var indented = $$"""
            {
              "version": 2,
              "project": "tenant-registrations",
              "stack": "dev",
              "updated": "2025-03-14T15:09:26+00:00",
              "sequence": 0,
              "checksum": "{{CheckpointSerializer.ResourcesChecksum(checkpoint.Resources)}}",
              "resources": [
                {{Fabrikam}}
              ]
            }
            """;

        SampleCheckpoints.AssertSame(checkpoint, CheckpointSerializer.Read(new MemoryStream(Encoding.UTF8.GetBytes(indented)), "state.json", Dev));
        var edited = indented.Replace("22222222-bbbb", "33333333-bbbb", StringComparison.Ordinal);
        Assert.Equal("PRV101", Assert.Throws<DiagnosticException>(() => Read(edited, "state.json")).Diagnostics[0].Code);

        // Format 2's header is outside its checksum, but its resources' URNs are inside: a copied file is still caught.
        var relabelled = indented.Replace("\"stack\": \"dev\"", "\"stack\": \"prod\"", StringComparison.Ordinal);
        var prod = new StateIdentity("tenant-registrations", "prod");
        Assert.Equal("PRV102", Assert.Throws<DiagnosticException>(() => CheckpointSerializer.Read(new MemoryStream(Encoding.UTF8.GetBytes(relabelled)), "prod.json", prod)).Diagnostics[0].Code);
    }

    [Fact]
    public void A_version_1_file_without_a_checksum_is_refused_with_the_explicit_migration_and_read_only_by_import()
    {
        var checkpoint = SampleCheckpoints.Two with { Resources = [SampleCheckpoints.Two.Resources[1]] };
        var v1 = $$"""
            {
              "version": 1,
              "project": "tenant-registrations",
              "stack": "dev",
              "updated": "2025-03-14T15:09:26+00:00",
              "resources": [ {{Fabrikam}} ]
            }
            """;

        var e = Assert.Throws<DiagnosticException>(() => CheckpointSerializer.Read(new MemoryStream(Encoding.UTF8.GetBytes(v1)), "dev.json", Dev));

        var d = Assert.Single(e.Diagnostics);
        Assert.Equal("PRV104", d.Code);
        Assert.Equal(DiagnosticOrigin.Input, d.Origin);
        Assert.Contains("format version 1", d.Message, StringComparison.Ordinal);
        Assert.Contains("provision stack import", d.Message, StringComparison.Ordinal);
        var imported = CheckpointSerializer.ReadForImport(new MemoryStream(Encoding.UTF8.GetBytes(v1)), "dev.json");
        SampleCheckpoints.AssertSame(checkpoint, imported);
        Assert.Equal(0, imported.Sequence);
    }

    [Fact]
    public void Import_neither_requires_nor_checks_the_checksum_but_state_reads_do()
    {
        var json = Write(SampleCheckpoints.Two);
        var at = json.LastIndexOf(",\"checksum\"", StringComparison.Ordinal);
        var without = json[..at] + "}";

        SampleCheckpoints.AssertSame(SampleCheckpoints.Two, CheckpointSerializer.ReadForImport(new MemoryStream(Encoding.UTF8.GetBytes(without)), "export.json"));
        Assert.Equal("prd", CheckpointSerializer.ReadForImport(new MemoryStream(Encoding.UTF8.GetBytes(json.Replace("\"dev\"", "\"prd\"", StringComparison.Ordinal))), "export.json").Stack);
        Assert.Equal("PRV101", Assert.Throws<DiagnosticException>(() => Read(json.Replace("\"dev\"", "\"prd\"", StringComparison.Ordinal), "dev.json")).Diagnostics[0].Code);
        Assert.Equal("PRV100", Assert.Throws<DiagnosticException>(() => Read(without, "dev.json")).Diagnostics[0].Code);
    }

    [Theory]
    [InlineData(4, 0)]
    [InlineData(17, 3)]
    public void A_newer_major_version_is_refused_naming_it_and_the_versions_this_build_reads(int major, int minor)
    {
        var json = $$$"""{"version":{{{major}}},"minor":{{{minor}}},"project":"p","stack":"s","layout":{"new":[1,2]},"resources":{"changed":true}}""";

        var e = Assert.Throws<DiagnosticException>(() => Read(json, "dev.json"));

        var d = Assert.Single(e.Diagnostics);
        Assert.Equal("PRV103", d.Code);
        Assert.Contains($"format version {major}", d.Message, StringComparison.Ordinal);
        Assert.Contains("2 to 3", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_newer_minor_version_with_unknown_fields_everywhere_is_read_and_still_verified()
    {
        var checkpoint = SampleCheckpoints.Two with { Sequence = 4, Pending = [new PendingOperation(3, JournalOperation.Delete, SampleCheckpoints.Two.Resources[1])] };
        var json = Write(checkpoint);
        var withNewFields = Unknown(json, "{\"x\":[[]]}");

        var read = Read(withNewFields, "dev.json");

        Assert.Equal(4, read.Sequence);
        Assert.Equal(2, read.Resources.Length);
        Assert.Equal(JournalOperation.Delete, Assert.Single(read.Pending).Operation);
        Assert.Equal("PRV101", Assert.Throws<DiagnosticException>(() => Read(withNewFields.Replace("\"sequence\":4", "\"sequence\":5", StringComparison.Ordinal), "dev.json")).Diagnostics[0].Code);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(65_000)]
    [InlineData(200_000)]
    [InlineData(1_000_000)]
    public void An_unknown_field_holding_a_large_value_is_skipped_across_slice_boundaries(int size)
    {
        var big = new string('x', size);
        var nested = "{\"a\":[{\"b\":\"" + big + "\"},[1,2,{\"c\":{\"d\":\"" + big + "\"}}]],\"e\":null}";
        var checkpoint = SampleCheckpoints.Two with { Pending = [new PendingOperation(1, JournalOperation.Put, SampleCheckpoints.Two.Resources[0])] };
        var json = Unknown(Write(checkpoint), nested);

        var read = CheckpointSerializer.Read(new SmallReads(Encoding.UTF8.GetBytes(json)), "dev.json", Dev);

        Assert.Equal(2, read.Resources.Length);
        Assert.Single(read.Pending);
    }

    /// <summary>The written state with an unknown field holding <paramref name="value"/> at the top (first, after the version, last), in every resource and pending operation.</summary>
    private static string Unknown(string json, string value) =>
        "{\"future\":" + value + "," + json[1..^1]
            .Replace("\"version\":3,", "\"version\":3,\"minor\":9,\"note\":" + value + ",", StringComparison.Ordinal)
            .Replace("\"minor\":0,", string.Empty, StringComparison.Ordinal)
            .Replace("\"apiVersion\"", "\"later\":" + value + ",\"apiVersion\"", StringComparison.Ordinal)
            .Replace("\"operation\"", "\"why\":" + value + ",\"operation\"", StringComparison.Ordinal)
            + ",\"written_by\":" + value + "}";

    [Fact]
    public void A_large_state_is_read_across_many_slices_and_a_changed_byte_anywhere_is_detected()
    {
        var template = SampleCheckpoints.Two.Resources[0];
        var many = Enumerable.Range(0, 3_000)
            .Select(i => template with { Id = Provisioning.Model.ArmResourceId.Parse($"{template.Id.Parent}/customerSubscriptions/{i:x8}-0000-4000-8000-000000000000"), Urn = Provisioning.Model.Urn.Create("dev", "tenant-registrations", "t", $"m{i}") })
            .ToImmutableArray();
        var checkpoint = SampleCheckpoints.Two with { Resources = many };
        var bytes = Encoding.UTF8.GetBytes(Write(checkpoint));
        Assert.True(bytes.Length > 4 * (1 << 16), $"{bytes.Length} bytes");

        var read = CheckpointSerializer.Read(new MemoryStream(bytes), "state.json", Dev);

        Assert.Equal(many.Select(r => r.Id.ToString()), read.Resources.Select(r => r.Id.ToString()));
        var at = Encoding.UTF8.GetString(bytes).IndexOf("00000bb7-0000", StringComparison.Ordinal);
        bytes[at] = (byte)'1';
        Assert.Equal("PRV101", Assert.Throws<DiagnosticException>(() => CheckpointSerializer.Read(new MemoryStream(bytes), "state.json", Dev)).Diagnostics[0].Code);
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

        foreach (var cut in Enumerable.Range(0, 20).Select(i => bytes.Length * i / 20).Append(bytes.Length - 1))
        {
            var error = Assert.Throws<DiagnosticException>(() => CheckpointSerializer.Read(new MemoryStream(bytes[..cut]), "state.json", Dev));
            Assert.Equal("PRV100", Assert.Single(error.Diagnostics).Code);
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

        var read = CheckpointSerializer.Read(stream, "state.json", Dev, interner).Resources[1];

        Assert.Same(desired.Urn, read.Urn);
        Assert.True(desired.Id.SharesTextWith(read.Id));
        Assert.Same(desired.Type, read.Type);
        Assert.Same(desired.Properties, read.Properties);
    }

    [Fact]
    public void A_recorded_resource_with_a_desired_urn_keeps_every_value_of_its_own_that_differs_from_the_desired_one()
    {
        // The reader compares a resource's values with the desired resource of its URN: what differs must still be read as written.
        var recorded = SampleCheckpoints.Two.Resources[1];
        var desired = new Provisioning.Model.Resource(
            recorded.Urn,
            Provisioning.Model.ArmResourceId.Parse(recorded.Id.ToString().ToUpperInvariant()),
            recorded.Type + "x",
            "2020-01-01",
            Provisioning.Model.Resource.PropertiesOf(("tenantId", "00000000-0000-4000-8000-0000000000ff")),
            Provisioning.Model.Urn.Create("dev", "p", "c", "elsewhere"),
            recorded.Options);
        var interner = Provisioning.Model.Interner.From(new Provisioning.Model.ResourceGraph("p", "dev", [new Provisioning.Model.Component(desired.Parent!, "c", "elsewhere", [desired])]));
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(Write(SampleCheckpoints.Two)));

        var read = CheckpointSerializer.Read(stream, "state.json", Dev, interner).Resources[1];

        Assert.Same(desired.Urn, read.Urn);
        Assert.Equal(recorded.Id.ToString(), read.Id.ToString());
        Assert.Equal(recorded.Type, read.Type);
        Assert.Equal(recorded.ApiVersion, read.ApiVersion);
        Assert.Equal(recorded.Properties, read.Properties);
        Assert.Equal(recorded.Parent, read.Parent);
    }

    [Fact]
    public void Reading_what_was_written_gives_back_the_same_checkpoint_with_its_sequence_and_pending_operations()
    {
        var checkpoint = SampleCheckpoints.Two with { Sequence = 42, Pending = [new PendingOperation(41, JournalOperation.Put, SampleCheckpoints.Two.Resources[0])] };

        var read = Read(Write(checkpoint), "state.json");

        SampleCheckpoints.AssertSame(checkpoint, read);
        Assert.Equal(42, read.Sequence);
        Assert.Equal((41L, JournalOperation.Put), (Assert.Single(read.Pending).Sequence, read.Pending[0].Operation));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \n\t ")]
    [InlineData("{")]
    [InlineData("\u00ef\u00bb\u00bf{}")]
    [InlineData("garbage")]
    [InlineData("\0\0\0\0")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("{} {}")]
    [InlineData("""{"version":3,"project":"p","stack":"s","updated":"2025-03-14T15:09:26+00:00","resources":[{"urn":""")]
    [InlineData("""{"version":3,"project":"p","stack":"s","updated":"2025-03-14T15:09:26+00:00","sequence":0}""")]
    [InlineData("""{"version":3,"project":"p","stack":"s","updated":"yesterday","sequence":0,"resources":[]}""")]
    [InlineData("""{"version":3,"project":null,"stack":"s","updated":"2025-03-14T15:09:26+00:00","sequence":0,"resources":[]}""")]
    [InlineData("""{"version":"3","project":"p","stack":"s","updated":"2025-03-14T15:09:26+00:00","sequence":0,"resources":[]}""")]
    [InlineData("""{"version":3.5,"project":"p","stack":"s","resources":[]}""")]
    [InlineData("""{"version":99999999999,"project":"p","stack":"s","resources":[]}""")]
    [InlineData("""{"version":0,"project":"p","stack":"s","resources":[]}""")]
    [InlineData("""{"version":3,"version":3,"project":"p","stack":"s","resources":[]}""")]
    [InlineData("""{"version":3,"project":"p","stack":"s","updated":"2025-03-14T15:09:26+00:00","sequence":-1,"resources":[]}""")]
    [InlineData("""{"version":3,"project":"p","stack":"s","updated":"2025-03-14T15:09:26+00:00","sequence":0,"resources":[],"resources":[]}""")]
    [InlineData("""{"version":3,"project":"p","stack":"s","updated":"2025-03-14T15:09:26+00:00","sequence":0,"resources":[{"urn":null,"id":"/subscriptions/s","type":"t","apiVersion":"v","properties":{}}]}""")]
    [InlineData("""{"version":3,"project":"p","stack":"s","updated":"2025-03-14T15:09:26+00:00","sequence":0,"resources":[{"urn":"urn:pulumi:s::p::t::n","id":"subscriptions/s","type":"t","apiVersion":"v","properties":{}}]}""")]
    [InlineData("""{"version":3,"project":"p","stack":"s","updated":"2025-03-14T15:09:26+00:00","sequence":0,"resources":[{"urn":"urn:pulumi:s::p::t::n","id":"/subscriptions/s","type":null,"apiVersion":"v","properties":{}}]}""")]
    [InlineData("""{"version":3,"project":"p","stack":"s","updated":"2025-03-14T15:09:26+00:00","sequence":0,"resources":[{"urn":"urn:pulumi:s::p::t::n","id":"/subscriptions/s","type":"t","apiVersion":"v","properties":{"tenantId":7}}]}""")]
    [InlineData("""{"version":3,"project":"p","stack":"s","updated":"2025-03-14T15:09:26+00:00","sequence":0,"pending":[{"sequence":1,"operation":"patch","resource":{}}],"resources":[]}""")]
    [InlineData("""{"version":3,"project":"p","stack":"s","updated":"2025-03-14T15:09:26+00:00","sequence":0,"pending":{},"resources":[]}""")]
    [InlineData("""{"version":3,"project":"p","stack":"s","updated":"2025-03-14T15:09:26+00:00","sequence":0,"resources":[],"checksum":7}""")]
    [InlineData("""{"version":3,"project":"p","stack":"s","updated":"2025-03-14T15:09:26+00:00","sequence":0,"resources":[]}""")]
    public void A_corrupt_truncated_empty_or_garbage_file_is_refused_with_PRV100_naming_it(string json)
    {
        var e = Assert.Throws<DiagnosticException>(() => Read(json, "/home/op/.provision/dev.json"));

        var d = Assert.Single(e.Diagnostics);
        Assert.Equal("PRV100", d.Code);
        Assert.Equal(DiagnosticOrigin.Input, d.Origin);
        Assert.Equal("/home/op/.provision/dev.json", d.Span.File);
        Assert.StartsWith("The state file '/home/op/.provision/dev.json' is corrupt or truncated: ", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_file_says_it_is_empty()
    {
        Assert.Contains("empty (0 bytes)", Assert.Throws<DiagnosticException>(() => Read(string.Empty, "dev.json")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_huge_value_is_never_echoed_whole_in_the_message()
    {
        var json = """{"version":3,"project":"p","stack":"s","updated":"2025-03-14T15:09:26+00:00","sequence":0,"pending":[{"sequence":1,"operation":""" + "\"" + new string('z', 1_000_000) + "\"" + ""","resource":{}}],"resources":[]}""";

        var e = Assert.Throws<DiagnosticException>(() => Read(json, "dev.json"));

        Assert.InRange(e.Diagnostics[0].Message.Length, 1, 1_000);
    }

    [Fact]
    public void Random_damage_to_a_state_file_never_escapes_as_anything_but_a_diagnostic()
    {
        var original = SampleCheckpoints.Two with { Sequence = 3, Pending = [new PendingOperation(3, JournalOperation.Put, SampleCheckpoints.Two.Resources[0])] };
        var bytes = Encoding.UTF8.GetBytes(Write(original));
        var random = new Random(11);
        for (var trial = 0; trial < 2_000; trial++)
        {
            var damaged = (byte[])bytes.Clone();
            foreach (var at in Enumerable.Range(0, random.Next(1, 4)).Select(_ => random.Next(damaged.Length)).Distinct())
            {
                damaged[at] ^= (byte)random.Next(1, 256);
            }

            try
            {
                // Damage that changes nothing a reader uses (a letter of "minor", a field name made unknown) may pass:
                // then what is read is exactly what was written.
                var read = CheckpointSerializer.Read(new MemoryStream(damaged), "dev.json", Dev);
                SampleCheckpoints.AssertSame(original, read);
                Assert.Equal((original.Sequence, original.Pending.Length), (read.Sequence, read.Pending.Length));
            }
            catch (DiagnosticException e)
            {
                Assert.Contains(e.Diagnostics[0].Code, ContentCodes);
            }
        }
    }

    private static Checkpoint Read(string json, string source) => CheckpointSerializer.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), source, Dev);

    private static string Write(Checkpoint checkpoint)
    {
        using var stream = new MemoryStream();
        CheckpointSerializer.Write(stream, checkpoint);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>A stream that hands out a small file seven bytes per read, so tokens straddle slice boundaries.</summary>
    private sealed class SmallReads(byte[] bytes) : MemoryStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Length < 300_000 ? Math.Min(count, 7) : count);
    }
}
