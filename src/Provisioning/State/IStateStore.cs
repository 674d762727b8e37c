namespace Provisioning.State;

/// <summary>Where a stack's checkpoint lives (a local file, or a blob for teams).</summary>
public interface IStateStore
{
    /// <summary>Reads the checkpoint, or null when the stack has never been deployed.</summary>
    Task<Checkpoint?> ReadAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads the checkpoint, taking ids, URNs and values that equal ones already in <paramref name="interner"/> from it
    /// instead of allocating copies. A store that cannot share reads as <see cref="ReadAsync(CancellationToken)"/>.
    /// </summary>
    Task<Checkpoint?> ReadAsync(Model.Interner? interner, CancellationToken cancellationToken = default) => ReadAsync(cancellationToken);

    /// <summary>Replaces the checkpoint atomically: a reader sees the old one or the new one, never a mix.</summary>
    Task WriteAsync(Checkpoint checkpoint, CancellationToken cancellationToken = default);
}
