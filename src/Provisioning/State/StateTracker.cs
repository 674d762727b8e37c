using System.Collections.Immutable;
using Provisioning.Model;

namespace Provisioning.State;

/// <summary>
/// The live checkpoint of a running apply: steps record their intents and results here, and
/// <see cref="PersistAsync"/> makes sure the store holds every record made so far. With an
/// <see cref="IJournalStateStore"/> that is one append of the new records (cost independent of the
/// stack's size) and a compaction every <see cref="CompactionInterval"/> records; with a plain
/// <see cref="IStateStore"/>, a whole checkpoint. Concurrent persists coalesce: one write carries
/// every record made before it started.
/// </summary>
public sealed partial class StateTracker : IDisposable
{
    /// <summary>The default number of journal records between two compactions (1,000).</summary>
    public const int DefaultCompactionInterval = 1000;

    private readonly IStateStore _store;
    private readonly IJournalStateStore? _journal;
    private readonly TimeProvider _time;
    private readonly string _project;
    private readonly string _stack;
    private readonly List<ResourceState> _order;
    private readonly Dictionary<ArmResourceId, int> _index;
    private readonly Dictionary<long, PendingOperation> _outstanding;
    private readonly List<JournalRecord> _unwritten = [];
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly Lock _lock = new();
    private long _sequence;
    private long _version;
    private long _persisted;
    private long _sinceCompaction;
    private bool _compactedOnce;

    /// <summary>Starts from a checkpoint.</summary>
    public StateTracker(IStateStore store, Checkpoint start, TimeProvider time)
        : this(store, start, time, DefaultCompactionInterval)
    {
    }

    /// <summary>Starts from a checkpoint, compacting the journal every <paramref name="compactionInterval"/> records.</summary>
    public StateTracker(IStateStore store, Checkpoint start, TimeProvider time, int compactionInterval)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentOutOfRangeException.ThrowIfLessThan(compactionInterval, 1);
        _store = store;
        _journal = store as IJournalStateStore;
        _time = time;
        _project = start.Project;
        _stack = start.Stack;
        _sequence = start.Sequence;
        CompactionInterval = compactionInterval;
        _order = [.. start.Resources];
        _index = new Dictionary<ArmResourceId, int>(_order.Count);
        for (var i = 0; i < _order.Count; i++)
        {
            _index[_order[i].Id] = i;
        }

        _outstanding = start.Pending.IsDefault ? [] : start.Pending.ToDictionary(p => p.Sequence);
    }

    /// <summary>Journal records between two compactions.</summary>
    public int CompactionInterval { get; }

    /// <summary>Records that a resource now exists as given.</summary>
    public void Set(ResourceState resource) => Set(resource, 0);

    /// <summary>Records that a resource now exists as given, concluding the intent <paramref name="intent"/> (0 for none).</summary>
    public void Set(ResourceState resource, long intent)
    {
        ArgumentNullException.ThrowIfNull(resource);
        lock (_lock)
        {
            if (_index.TryGetValue(resource.Id, out var i))
            {
                _order[i] = resource;
            }
            else
            {
                _index[resource.Id] = _order.Count;
                _order.Add(resource);
            }

            Journal(JournalRecordKind.Set, resource.Id, JournalOperation.Put, resource, intent);
        }
    }

    /// <summary>Records that a resource is no longer managed; the others keep their order.</summary>
    public void Remove(ArmResourceId id) => Remove(id, 0);

    /// <summary>Records that a resource is no longer managed, concluding the intent <paramref name="intent"/> (0 for none).</summary>
    public void Remove(ArmResourceId id, long intent)
    {
        lock (_lock)
        {
            if (_index.Remove(id, out var i))
            {
                // Keep the recorded order, so that the state file and the plans made from it stay stable
                // whatever order parallel deletes finish in.
                _order.RemoveAt(i);
                for (var j = i; j < _order.Count; j++)
                {
                    _index[_order[j].Id] = j;
                }
            }
            else if (intent == 0)
            {
                return;
            }

            Journal(JournalRecordKind.Remove, id, JournalOperation.Delete, null, intent);
        }
    }

    /// <summary>Records that the request of <paramref name="intent"/> failed: nothing changed.</summary>
    public void Abandon(long intent, ArmResourceId id)
    {
        lock (_lock)
        {
            if (_journal is not null && intent != 0)
            {
                Journal(JournalRecordKind.Abandon, id, JournalOperation.Put, null, intent);
            }
        }
    }

    /// <summary>
    /// Records, durably, that a request is about to be sent, and returns the intent's number to pass to
    /// the result. A no-op (returning 0) when the store has no journal.
    /// </summary>
    public async Task<long> BeginAsync(JournalOperation operation, ResourceState resource, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(resource);
        if (_journal is null)
        {
            return 0;
        }

        long sequence;
        lock (_lock)
        {
            sequence = Journal(JournalRecordKind.Intent, resource.Id, operation, resource, 0);
            _outstanding[sequence] = new PendingOperation(sequence, operation, resource);
        }

        await PersistAsync(cancellationToken);
        return sequence;
    }

    /// <summary>A snapshot of everything recorded so far.</summary>
    public Checkpoint Snapshot()
    {
        lock (_lock)
        {
            return SnapshotLocked();
        }
    }

    /// <summary>Every resource currently recorded.</summary>
    public ImmutableArray<ResourceState> Resources
    {
        get
        {
            lock (_lock)
            {
                return [.. _order];
            }
        }
    }

    /// <summary>Releases the write gate.</summary>
    public void Dispose() => _writeGate.Dispose();

    private Checkpoint SnapshotLocked() =>
        new(_project, _stack, _time.GetUtcNow(), [.. _order])
        {
            Sequence = _sequence,
            Pending = [.. _outstanding.Values.OrderBy(p => p.Sequence)],
        };

    /// <summary>Adds a journal record (under the lock) and returns its sequence number.</summary>
    private long Journal(JournalRecordKind kind, ArmResourceId id, JournalOperation operation, ResourceState? resource, long intent)
    {
        _version++;
        if (intent != 0)
        {
            _outstanding.Remove(intent);
        }

        if (_journal is null)
        {
            return 0;
        }

        _sequence++;
        _unwritten.Add(new JournalRecord(_sequence, kind, id, operation, resource, intent));
        return _sequence;
    }
}
