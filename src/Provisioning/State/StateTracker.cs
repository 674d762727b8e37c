using System.Collections.Immutable;
using Provisioning.Model;

namespace Provisioning.State;

/// <summary>
/// The live checkpoint of a running apply: steps record their results here, and
/// <see cref="PersistAsync"/> makes sure the store holds every result recorded so far.
/// Concurrent persists coalesce: one write carries every result recorded before it started.
/// </summary>
public sealed class StateTracker : IDisposable
{
    private readonly IStateStore _store;
    private readonly TimeProvider _time;
    private readonly string _project;
    private readonly string _stack;
    private readonly List<ResourceState> _order;
    private readonly Dictionary<ArmResourceId, int> _index;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly Lock _lock = new();
    private long _version;
    private long _persisted;

    /// <summary>Starts from a checkpoint.</summary>
    public StateTracker(IStateStore store, Checkpoint start, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(start);
        _store = store;
        _time = time;
        _project = start.Project;
        _stack = start.Stack;
        _order = [.. start.Resources];
        _index = new Dictionary<ArmResourceId, int>(_order.Count);
        for (var i = 0; i < _order.Count; i++)
        {
            _index[_order[i].Id] = i;
        }
    }

    /// <summary>Records that a resource now exists as given.</summary>
    public void Set(ResourceState resource)
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

            _version++;
        }
    }

    /// <summary>Records that a resource is no longer managed; the others keep their order.</summary>
    public void Remove(ArmResourceId id)
    {
        lock (_lock)
        {
            if (!_index.Remove(id, out var i))
            {
                return;
            }

            // Keep the recorded order, so that the state file and the plans made from it stay stable
            // whatever order parallel deletes finish in.
            _order.RemoveAt(i);
            for (var j = i; j < _order.Count; j++)
            {
                _index[_order[j].Id] = j;
            }

            _version++;
        }
    }

    /// <summary>A snapshot of everything recorded so far.</summary>
    public Checkpoint Snapshot()
    {
        lock (_lock)
        {
            return new Checkpoint(_project, _stack, _time.GetUtcNow(), [.. _order]);
        }
    }

    /// <summary>Returns once the store holds every result recorded before this call.</summary>
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
            if (Interlocked.Read(ref _persisted) >= wanted)
            {
                return;
            }

            long version;
            Checkpoint snapshot;
            lock (_lock)
            {
                version = _version;
                snapshot = new Checkpoint(_project, _stack, _time.GetUtcNow(), [.. _order]);
            }

            await _store.WriteAsync(snapshot, cancellationToken);
            Interlocked.Exchange(ref _persisted, version);
        }
        finally
        {
            _writeGate.Release();
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
}
