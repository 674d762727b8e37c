using Provisioning.State;

namespace Provisioning.Testing;

/// <summary>A state store in memory that counts its writes.</summary>
public sealed class InMemoryStateStore : IStateStore
{
    private Checkpoint? _checkpoint;

    /// <summary>Number of writes so far.</summary>
    public int Writes { get; private set; }

    /// <summary>The last checkpoint written, or null.</summary>
    public Checkpoint? Current => _checkpoint;

    /// <inheritdoc />
    public Task<Checkpoint?> ReadAsync(CancellationToken cancellationToken = default) => Task.FromResult(_checkpoint);

    /// <inheritdoc />
    public Task WriteAsync(Checkpoint checkpoint, CancellationToken cancellationToken = default)
    {
        _checkpoint = checkpoint;
        Writes++;
        return Task.CompletedTask;
    }
}
