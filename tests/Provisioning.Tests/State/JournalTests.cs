using System.Text;
using Provisioning.Diagnostics;
using Provisioning.Execution;
using Provisioning.Model;
using Provisioning.State;
using Provisioning.Testing;

namespace Provisioning.Tests.State;

public sealed class JournalTests : IDisposable
{
    private static readonly string[] ContentCodes = ["PRV100", "PRV101"];

    private const string V3 = "{\"v\":3,\"project\":\"tenant-registrations\",\"stack\":\"dev\"";

    private readonly TempDirectory _temp = new();

    private static readonly StateIdentity Dev = new("tenant-registrations", "dev");

    private LocalFileStateStore NewStore() => new(_temp.File("dev.json"), Dev);

    private static ResourceState Contoso => SampleCheckpoints.Two.Resources[0];

    private static ResourceState Fabrikam => SampleCheckpoints.Two.Resources[1];

    [Fact]
    public async Task Each_step_appends_to_the_journal_and_the_end_of_a_run_compacts_it_into_the_snapshot()
    {
        using var store = NewStore();
        using (var tracker = new StateTracker(store, Checkpoint.Empty("tenant-registrations", "dev"), TimeProvider.System))
        {
            await tracker.PersistAsync();
            var intent = await tracker.BeginAsync(JournalOperation.Put, Contoso);
            tracker.Set(Contoso, intent);
            await tracker.PersistAsync();

            var journal = await File.ReadAllLinesAsync(store.JournalPath);
            Assert.Equal(2, journal.Length);
            Assert.Contains("\"kind\":\"intent\"", journal[0], StringComparison.Ordinal);
            Assert.Contains("\"kind\":\"set\"", journal[1], StringComparison.Ordinal);

            await tracker.CompactAsync();
        }

        Assert.Equal(0, new FileInfo(store.JournalPath).Length);
        var read = await NewStore().ReadAsync();
        Assert.Equal(Contoso.Id, Assert.Single(read!.Resources).Id);
        Assert.Empty(read.Pending);
        Assert.Equal(2, read.Sequence);
    }

    [Fact]
    public async Task A_run_killed_after_its_intent_leaves_a_pending_operation_for_the_next_run()
    {
        using var store = NewStore();
        using (var tracker = new StateTracker(store, Checkpoint.Empty("tenant-registrations", "dev"), TimeProvider.System))
        {
            tracker.Set(Fabrikam, await tracker.BeginAsync(JournalOperation.Put, Fabrikam));
            await tracker.PersistAsync();
            await tracker.BeginAsync(JournalOperation.Put, Contoso);

            // Killed here: no result, no compaction.
        }

        var read = await NewStore().ReadAsync();
        Assert.Equal(Fabrikam.Id, Assert.Single(read!.Resources).Id);
        var pending = Assert.Single(read.Pending);
        Assert.Equal(JournalOperation.Put, pending.Operation);
        Assert.Equal(Contoso.Id, pending.Resource.Id);
    }

    [Fact]
    public async Task A_torn_last_record_is_ignored_and_the_next_append_starts_on_a_clean_line()
    {
        using (var store = NewStore())
        using (var tracker = new StateTracker(store, Checkpoint.Empty("tenant-registrations", "dev"), TimeProvider.System))
        {
            tracker.Set(Contoso, await tracker.BeginAsync(JournalOperation.Put, Contoso));
            await tracker.PersistAsync();
        }

        var path = NewStore().JournalPath;
        var whole = await File.ReadAllBytesAsync(path);
        await File.AppendAllTextAsync(path, Encoding.UTF8.GetString(whole)[..40]);

        using var again = NewStore();
        var read = await again.ReadAsync();
        Assert.Equal(Contoso.Id, Assert.Single(read!.Resources).Id);
        Assert.Contains("torn", again.LastReadNote, StringComparison.Ordinal);

        await again.AppendAsync([new JournalRecord(read.Sequence + 1, JournalRecordKind.Remove, Contoso.Id)]);
        var after = await NewStore().ReadAsync();
        Assert.Empty(after!.Resources);
    }

    [Fact]
    public async Task A_damaged_snapshot_is_refused_and_the_error_says_what_the_journal_still_holds()
    {
        using var store = NewStore();
        await store.WriteAsync(SampleCheckpoints.Two with { Sequence = 4 });
        await store.AppendAsync([new JournalRecord(5, JournalRecordKind.Remove, Contoso.Id), new JournalRecord(6, JournalRecordKind.Set, Contoso.Id, Resource: Contoso)]);
        var text = await File.ReadAllTextAsync(store.Path);
        await File.WriteAllTextAsync(store.Path, text.Replace("11111111-aaaa", "11111112-aaaa", StringComparison.Ordinal));

        var e = await Assert.ThrowsAsync<DiagnosticException>(() => NewStore().ReadAsync());

        Assert.Equal("PRV101", Assert.Single(e.Diagnostics).Code);
        Assert.Contains("holds 2 record(s) written after the last good snapshot", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_corrupt_record_in_the_middle_of_the_journal_is_refused()
    {
        using var store = NewStore();
        await store.WriteAsync(SampleCheckpoints.Two);
        await store.AppendAsync([new JournalRecord(1, JournalRecordKind.Remove, Contoso.Id), new JournalRecord(2, JournalRecordKind.Remove, Fabrikam.Id)]);
        var bytes = await File.ReadAllBytesAsync(store.JournalPath);
        bytes[80] ^= 0x01;
        await File.WriteAllBytesAsync(store.JournalPath, bytes);

        var e = await Assert.ThrowsAsync<DiagnosticException>(() => NewStore().ReadAsync());

        Assert.Equal("PRV101", Assert.Single(e.Diagnostics).Code);
        Assert.Contains("record 1 is damaged and records follow it", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_with_an_interner_the_snapshot_and_the_journal_share_the_desired_instances()
    {
        using var store = NewStore();
        await store.WriteAsync(SampleCheckpoints.Two with { Resources = [Contoso], Sequence = 1 });
        await store.AppendAsync([new JournalRecord(2, JournalRecordKind.Set, Fabrikam.Id, Resource: Fabrikam)]);
        var interner = InternerOf(Contoso, Fabrikam);

        var read = await NewStore().ReadAsync(interner);

        Assert.Equal(2, read!.Resources.Length);
        foreach (var (desired, recorded) in new[] { Contoso, Fabrikam }.Zip(read.Resources))
        {
            Assert.Same(desired.Urn, recorded.Urn);
            Assert.True(desired.Id.SharesTextWith(recorded.Id));
            Assert.Same(desired.Type, recorded.Type);
            Assert.Same(desired.ApiVersion, recorded.ApiVersion);
            Assert.Same(desired.Properties, recorded.Properties);
        }
    }

    [Fact]
    public void A_decoded_record_takes_its_id_and_resource_from_the_interner()
    {
        var interner = InternerOf(Fabrikam);
        var line = JournalSerializer.Encode(new JournalRecord(7, JournalRecordKind.Intent, Fabrikam.Id, JournalOperation.Delete, Fabrikam), Dev);

        var record = Assert.Single(JournalSerializer.Decode(line, "dev.journal", Dev, interner).Records);

        Assert.Equal((7L, JournalRecordKind.Intent, JournalOperation.Delete), (record.Sequence, record.Kind, record.Operation));
        Assert.True(Fabrikam.Id.SharesTextWith(record.Id));
        Assert.Same(Fabrikam.Urn, record.Resource!.Urn);
        Assert.Same(Fabrikam.Properties, record.Resource.Properties);
        Assert.Equal(Fabrikam.Options, record.Resource.Options);
    }

    [Theory]
    [InlineData(V3 + ""","seq":1,"kind":"bogus","id":"/subscriptions/s"}""")]
    [InlineData(V3 + ""","seq":1,"kind":"remove"}""")]
    [InlineData(V3 + ""","seq":"1","kind":"remove","id":"/subscriptions/s"}""")]
    [InlineData(V3 + ""","seq":1,"kind":"remove","id":"subscriptions/s"}""")]
    [InlineData(V3 + ""","seq":1,"kind":"set","id":"/subscriptions/s","resource":{"urn":"urn:pulumi:dev::tenant-registrations::t::n"}}""")]
    [InlineData(V3 + ""","seq":1,"kind":"remove","id":"/subscriptions/s"} {}""")]
    [InlineData(V3 + ""","seq":1,"kind":"intent","op":7,"id":"/subscriptions/s"}""")]
    [InlineData(V3 + ""","seq":1,"kind":"intent","op":"put","id":"/subscriptions/s"}""")]
    [InlineData(V3 + ""","seq":0,"kind":"remove","id":"/subscriptions/s"}""")]
    [InlineData(V3 + ""","seq":1,"kind":"set","id":"/subscriptions/s","resource":{"urn":"urn:pulumi:dev::tenant-registrations::t::n","id":"/subscriptions/other","type":"t","apiVersion":"v","properties":{}}}""")]
    [InlineData("""{"v":"3","project":"tenant-registrations","stack":"dev","seq":1,"kind":"remove","id":"/subscriptions/s"}""")]
    [InlineData("""{"v":3,"stack":"dev","seq":1,"kind":"remove","id":"/subscriptions/s"}""")]
    [InlineData("""[]""")]
    public void A_record_whose_checksum_matches_but_that_is_not_a_record_is_refused_wherever_it_is(string json)
    {
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(json)));
        var line = Encoding.UTF8.GetBytes($"{hash} {json}\n");
        var data = line.Concat(JournalSerializer.Encode(new JournalRecord(2, JournalRecordKind.Remove, Contoso.Id), Dev)).ToArray();

        foreach (var journal in new[] { data, line })
        {
            var e = Assert.Throws<DiagnosticException>(() => JournalSerializer.Decode(journal, "dev.journal", Dev));

            var d = Assert.Single(e.Diagnostics);
            Assert.Equal("PRV100", d.Code);
            Assert.Equal(DiagnosticOrigin.Input, d.Origin);
            Assert.StartsWith("The journal 'dev.journal' is corrupt or truncated: record 1: ", d.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_crash_between_the_snapshot_and_the_journal_truncation_replays_nothing_twice()
    {
        using var store = NewStore();
        await store.WriteAsync(SampleCheckpoints.Two with { Sequence = 2 });
        await File.WriteAllBytesAsync(store.JournalPath, JournalSerializer.Encode([new JournalRecord(1, JournalRecordKind.Remove, Contoso.Id), new JournalRecord(2, JournalRecordKind.Remove, Fabrikam.Id)], Dev));

        var read = await NewStore().ReadAsync();

        Assert.Equal(2, read!.Resources.Length);
    }

    [Fact]
    public async Task Persisting_one_step_appends_one_record_whatever_the_size_of_the_stack()
    {
        var many = Enumerable.Range(0, 5000).Select(i => Contoso with { Id = ArmResourceId.Parse(Contoso.Id.ToString()[..^12] + i.ToString("D12", System.Globalization.CultureInfo.InvariantCulture)) }).ToArray();
        using var store = NewStore();
        using var tracker = new StateTracker(store, Checkpoint.Empty("tenant-registrations", "dev") with { Resources = [.. many] }, TimeProvider.System);
        await tracker.PersistAsync();
        var snapshotLength = new FileInfo(store.Path).Length;

        tracker.Set(Fabrikam);
        await tracker.PersistAsync();

        Assert.Equal(snapshotLength, new FileInfo(store.Path).Length);
        Assert.InRange(new FileInfo(store.JournalPath).Length, 100, 2000);
    }

    [Fact]
    public async Task The_journal_is_compacted_every_interval_records()
    {
        using var store = NewStore();
        using var tracker = new StateTracker(store, Checkpoint.Empty("tenant-registrations", "dev"), TimeProvider.System, compactionInterval: 3);
        await tracker.PersistAsync();
        foreach (var r in new[] { Contoso, Fabrikam, Contoso, Fabrikam })
        {
            tracker.Set(r);
            await tracker.PersistAsync();
        }

        Assert.True(new FileInfo(store.JournalPath).Length < 1000);
        Assert.Equal(2, (await NewStore().ReadAsync())!.Resources.Length);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_pending_create_is_resolved_by_reading_the_resource_back(bool applied)
    {
        var provider = new InMemoryResourceProvider();
        if (applied)
        {
            await provider.PutAsync(Contoso.Id, Contoso.ApiVersion, Contoso.Properties);
        }

        var checkpoint = Checkpoint.Empty("tenant-registrations", "dev") with { Pending = [new PendingOperation(7, JournalOperation.Put, Contoso)] };

        var resolution = await PendingOperationResolver.ResolveAsync(provider, checkpoint);

        Assert.Empty(resolution.Checkpoint.Pending);
        Assert.Equal(applied ? 1 : 0, resolution.Checkpoint.Resources.Length);
        Assert.Contains(applied ? "found in Azure, recorded" : "not found in Azure, will be planned again", Assert.Single(resolution.Findings), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pending_delete_that_happened_is_removed_from_the_state()
    {
        var checkpoint = SampleCheckpoints.Two with { Pending = [new PendingOperation(3, JournalOperation.Delete, Contoso)] };

        var resolution = await PendingOperationResolver.ResolveAsync(new InMemoryResourceProvider(), checkpoint);

        Assert.Equal(Fabrikam.Id, Assert.Single(resolution.Checkpoint.Resources).Id);
        Assert.Contains("removed from the state", Assert.Single(resolution.Findings), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Journal_records_of_another_stack_appended_to_the_journal_are_refused_naming_the_record()
    {
        using var store = NewStore();
        await store.WriteAsync(SampleCheckpoints.Two);
        await store.AppendAsync([new JournalRecord(1, JournalRecordKind.Set, Contoso.Id, Resource: Contoso)]);
        await File.AppendAllBytesAsync(store.JournalPath, JournalSerializer.Encode([new JournalRecord(2, JournalRecordKind.Remove, Fabrikam.Id)], new StateIdentity("tenant-registrations", "prod")));

        var e = await Assert.ThrowsAsync<DiagnosticException>(() => NewStore().ReadAsync());

        var d = Assert.Single(e.Diagnostics);
        Assert.Equal(("PRV102", DiagnosticOrigin.Input), (d.Code, d.Origin));
        Assert.Contains($"The journal '{store.JournalPath}', record 2, belongs to stack 'prod'", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_record_whose_resource_is_another_stacks_is_refused()
    {
        var prodResource = Contoso with { Urn = Urn.Create("prod", "tenant-registrations", "azure-native:azurestack:CustomerSubscription", "west-contoso") };
        var line = JournalSerializer.Encode(new JournalRecord(1, JournalRecordKind.Set, Contoso.Id, Resource: prodResource), Dev);

        var e = Assert.Throws<DiagnosticException>(() => JournalSerializer.Decode(line, "dev.journal", Dev));

        Assert.Equal("PRV102", Assert.Single(e.Diagnostics).Code);
    }

    [Theory]
    [InlineData("""{"seq":1,"kind":"remove","id":"/subscriptions/s"}""", "PRV104")]
    [InlineData("""{"v":4,"project":"tenant-registrations","stack":"dev","seq":1,"kind":"remove","id":"/subscriptions/s"}""", "PRV103")]
    [InlineData("""{"v":2,"project":"tenant-registrations","stack":"dev","seq":1,"kind":"remove","id":"/subscriptions/s"}""", "PRV100")]
    public void A_record_of_an_older_or_newer_format_is_refused(string json, string code)
    {
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(json)));

        var e = Assert.Throws<DiagnosticException>(() => JournalSerializer.Decode(Encoding.UTF8.GetBytes($"{hash} {json}\n"), "dev.journal", Dev));

        Assert.Equal(code, Assert.Single(e.Diagnostics).Code);
    }

    [Fact]
    public void A_record_with_fields_a_newer_minor_version_added_is_read()
    {
        var big = new string('q', 200_000);
        var json = V3 + ",\"note\":{\"a\":[1,{\"b\":\"" + big + "\"}]},\"seq\":1,\"kind\":\"remove\",\"id\":\"/subscriptions/s\",\"later\":[[],{}]}";
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(json)));

        var record = Assert.Single(JournalSerializer.Decode(Encoding.UTF8.GetBytes($"{hash} {json}\n"), "dev.journal", Dev).Records);

        Assert.Equal((1L, JournalRecordKind.Remove), (record.Sequence, record.Kind));
    }

    [Fact]
    public async Task A_journal_without_its_snapshot_is_refused()
    {
        using var store = NewStore();
        await File.WriteAllBytesAsync(store.JournalPath, JournalSerializer.Encode([new JournalRecord(1, JournalRecordKind.Remove, Contoso.Id)], Dev));

        var e = await Assert.ThrowsAsync<DiagnosticException>(() => store.ReadAsync());

        Assert.Equal("PRV105", Assert.Single(e.Diagnostics).Code);
    }

    [Fact]
    public async Task Random_damage_to_a_journal_is_either_a_torn_tail_or_a_diagnostic()
    {
        using var store = NewStore();
        await store.WriteAsync(SampleCheckpoints.Two);
        await store.AppendAsync([new JournalRecord(1, JournalRecordKind.Intent, Contoso.Id, JournalOperation.Delete, Contoso), new JournalRecord(2, JournalRecordKind.Remove, Contoso.Id, Intent: 1)]);
        var bytes = await File.ReadAllBytesAsync(store.JournalPath);
        var random = new Random(5);
        for (var trial = 0; trial < 500; trial++)
        {
            var damaged = (byte[])bytes.Clone();
            var at = random.Next(damaged.Length);
            damaged[at] ^= (byte)random.Next(1, 256);
            await File.WriteAllBytesAsync(store.JournalPath, damaged);
            using var reader = NewStore();
            try
            {
                var read = await reader.ReadAsync();

                // Only damage to the last record (or its newline) may be ignored, as a torn tail: the first still replays.
                Assert.Contains("torn", reader.LastReadNote, StringComparison.Ordinal);
                Assert.NotNull(read!.Pending.SingleOrDefault(p => p.Sequence == 1));
            }
            catch (DiagnosticException e)
            {
                Assert.Contains(e.Diagnostics[0].Code, ContentCodes);
            }
        }
    }

    public void Dispose() => _temp.Dispose();

    private static Interner InternerOf(params ResourceState[] resources) =>
        Interner.From(new ResourceGraph("tenant-registrations", "dev", [new Component(SampleCheckpoints.West, "c", "west", [.. resources.Select(r => new Resource(r.Urn, r.Id, r.Type, r.ApiVersion, r.Properties, r.Parent, r.Options))])]));
}
