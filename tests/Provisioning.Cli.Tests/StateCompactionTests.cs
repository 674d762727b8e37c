using Provisioning.State;

namespace Provisioning.Cli.Tests;

/// <summary>A run killed after its last result but before compacting leaves the snapshot behind the journal; the next locked run compacts it.</summary>
public sealed class StateCompactionTests : IDisposable
{
    private readonly ProjectFolder _folder = new();
    private readonly InMemoryProviderFactory _providers = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task An_up_with_nothing_to_do_still_compacts_a_journal_left_by_a_killed_run()
    {
        var up = await CliHarness.RunAsync(_providers, "up", "-s", "dev", "-C", _folder.Path, "--yes");
        Assert.True(up.Code == 0, up.Error);
        using var store = new LocalFileStateStore(_folder.StatePath());
        var snapshot = (await store.ReadAsync())!;
        var resource = snapshot.Resources[0];
        await store.AppendAsync(
        [
            new JournalRecord(snapshot.Sequence + 1, JournalRecordKind.Intent, resource.Id, JournalOperation.Put, resource),
            new JournalRecord(snapshot.Sequence + 2, JournalRecordKind.Set, resource.Id, Resource: resource, Intent: snapshot.Sequence + 1),
        ]);

        var again = await CliHarness.RunAsync(_providers, "up", "-s", "dev", "-C", _folder.Path, "--yes");

        Assert.True(again.Code == 0, again.Error);
        Assert.Contains("2 record(s) replayed", again.Error, StringComparison.Ordinal);
        Assert.True(!File.Exists(store.JournalPath) || new FileInfo(store.JournalPath).Length == 0, "the journal was not compacted");
        using var reread = new LocalFileStateStore(_folder.StatePath());
        Assert.Equal(snapshot.Sequence + 2, (await reread.ReadAsync())!.Sequence);
        Assert.Null(reread.LastReadNote);
    }
}
