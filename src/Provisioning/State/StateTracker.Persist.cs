namespace Provisioning.State;

/// <summary>Writing what the tracker recorded: appends, compactions, or whole checkpoints.</summary>
public sealed partial class StateTracker
{
    /// <summary>Returns once the store holds every record made before this call.</summary>
    public async Task PersistAsync(CancellationToken cancellationToken = default)
    {
        long wanted;
        lock (_lock)
        {
            wanted = _version;
        }

        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            if (Interlocked.Read(ref _persisted) >= wanted && (_journal is null || _compactedOnce))
            {
                return;
            }

            if (_journal is null)
            {
                await WriteSnapshotAsync(cancellationToken);
                return;
            }

            // The first write of a run is a compaction: the journal then always sits on a snapshot of this stack.
            if (!_compactedOnce || _sinceCompaction >= CompactionInterval)
            {
                await WriteSnapshotAsync(cancellationToken);
                return;
            }

            long version;
            List<JournalRecord> batch;
            lock (_lock)
            {
                version = _version;
                batch = [.. _unwritten];
                _unwritten.Clear();
            }

            await _journal.AppendAsync(batch, cancellationToken);
            _sinceCompaction += batch.Count;
            Interlocked.Exchange(ref _persisted, version);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>Writes the whole checkpoint (a compaction when the store has a journal): done at the end of a run.</summary>
    public async Task CompactAsync(CancellationToken cancellationToken = default)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            if (_journal is null && Interlocked.Read(ref _persisted) >= Volatile.Read(ref _version))
            {
                return;
            }

            await WriteSnapshotAsync(cancellationToken);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>Writes a snapshot including every record so far (the caller holds the write gate).</summary>
    private async Task WriteSnapshotAsync(CancellationToken cancellationToken)
    {
        long version;
        Checkpoint snapshot;
        lock (_lock)
        {
            version = _version;
            snapshot = SnapshotLocked();
            _unwritten.Clear();
        }

        await _store.WriteAsync(snapshot, cancellationToken);
        _sinceCompaction = 0;
        _compactedOnce = true;
        Interlocked.Exchange(ref _persisted, version);
    }
}
