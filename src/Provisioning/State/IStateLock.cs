namespace Provisioning.State;

/// <summary>A stack's lock: one run at a time may change a stack (up, destroy, refresh, import); preview takes none.</summary>
public interface IStateLock
{
    /// <summary>Takes the lock for <paramref name="info"/>, or throws <see cref="StackLockedException"/> at once naming the holder; dispose the result to release it.</summary>
    Task<IAsyncDisposable> AcquireLockAsync(LockInfo info, CancellationToken cancellationToken = default);

    /// <summary>Who holds the lock, or null when the stack is not locked.</summary>
    Task<LockInfo?> ReadLockAsync(CancellationToken cancellationToken = default);

    /// <summary>Releases a lock left by a run that died; with a <paramref name="lockId"/>, only that lock. Returns the lock released, or null when there was none (or another id holds it).</summary>
    Task<LockInfo?> BreakLockAsync(string? lockId, CancellationToken cancellationToken = default);
}
