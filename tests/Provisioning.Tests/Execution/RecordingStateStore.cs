using System.Collections.Concurrent;
using Provisioning.State;

namespace Provisioning.Tests.Execution;

/// <summary>A state store that keeps every checkpoint written, in order.</summary>
internal sealed class RecordingStateStore : IStateStore
{
    private readonly ConcurrentQueue<Checkpoint> _written = new();

    public IReadOnlyList<Checkpoint> Written => [.. _written];

    public Task<Checkpoint?> ReadAsync(CancellationToken cancellationToken = default) => Task.FromResult(_written.LastOrDefault());

    public Task WriteAsync(Checkpoint checkpoint, CancellationToken cancellationToken = default)
    {
        _written.Enqueue(checkpoint);
        return Task.CompletedTask;
    }
}
