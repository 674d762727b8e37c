namespace Provisioning.State;

/// <summary>Where a stack's checkpoint lives (a local file, or a blob for teams).</summary>
public interface IStateStore
{
    /// <summary>Reads the checkpoint, or null when the stack has never been deployed.</summary>
    Task<Checkpoint?> ReadAsync(CancellationToken cancellationToken = default);

    /// <summary>Replaces the checkpoint atomically: a reader sees the old one or the new one, never a mix.</summary>
    Task WriteAsync(Checkpoint checkpoint, CancellationToken cancellationToken = default);
}
