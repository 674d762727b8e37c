namespace Provisioning.State;

/// <summary>
/// A state store with a journal: each step appends records (one append and one flush, whatever the
/// stack's size), and <see cref="IStateStore.WriteAsync"/> compacts: it replaces the snapshot
/// atomically with a checkpoint that includes every record appended so far, then empties the journal.
/// <see cref="IStateStore.ReadAsync(CancellationToken)"/> returns the snapshot with the journal replayed, and
/// <see cref="Checkpoint.Pending"/> listing intents that have no result.
/// </summary>
public interface IJournalStateStore : IStateStore
{
    /// <summary>Appends the records and returns once they are durable (flushed to disk, or committed by the service).</summary>
    Task AppendAsync(IReadOnlyList<JournalRecord> records, CancellationToken cancellationToken = default);

    /// <summary>What the last read found beyond the snapshot (e.g. "journal: 12 records replayed; a torn last record was ignored"), or null.</summary>
    string? LastReadNote { get; }
}
