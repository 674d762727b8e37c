using System.Diagnostics;
using System.Text.Json;

namespace Provisioning.State;

/// <summary>The file lock: <c>&lt;stack&gt;.lock</c> created with <see cref="FileMode.CreateNew"/>, holding the lock's JSON.</summary>
public sealed partial class LocalFileStateStore
{
    /// <inheritdoc />
    public async Task<IAsyncDisposable> AcquireLockAsync(LockInfo info, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(info);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(LockPath)!);
        TakenOverLock = null;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await using var stream = new FileStream(LockPath, OwnerOnly(FileMode.CreateNew));
                await stream.WriteAsync(LockInfoJson.Encode(info), cancellationToken);
                stream.Flush(flushToDisk: true);
                return new FileLockRelease(this, info.Id);
            }
            catch (IOException) when (File.Exists(LockPath))
            {
                var holder = await ReadLockAsync(cancellationToken);
                if (attempt > 0 || holder is null || !IsDeadLocalHolder(holder) || !TryClaimStaleLock(holder))
                {
                    throw new StackLockedException(System.IO.Path.GetFileNameWithoutExtension(Path), holder);
                }

                TakenOverLock = holder;
            }
        }
    }

    /// <summary>
    /// The lock this store removed in its last <see cref="AcquireLockAsync"/> because the run that held it had died
    /// (same host, its process gone), or null. A killed run needs no manual unlock on the machine where it ran.
    /// </summary>
    public LockInfo? TakenOverLock { get; private set; }

    /// <summary>True when the lock was taken on this host by a process that no longer runs.</summary>
    private static bool IsDeadLocalHolder(LockInfo holder)
    {
        if (holder.ProcessId <= 0 || !string.Equals(holder.Host, Environment.MachineName, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        try
        {
            using var process = Process.GetProcessById(holder.ProcessId);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true;
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }

    /// <summary>
    /// Moves the stale lock aside atomically, so that of two runs racing for it only one removes it; if what was
    /// moved turns out to be a fresh lock (taken between our read and our move), it is put back.
    /// </summary>
    private bool TryClaimStaleLock(LockInfo stale)
    {
        var aside = $"{LockPath}.stale.{Guid.NewGuid():N}";
        try
        {
            File.Move(LockPath, aside);
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }

        LockInfo? moved;
        try
        {
            moved = LockInfoJson.Decode(File.ReadAllBytes(aside));
        }
        catch (JsonException)
        {
            moved = null;
        }

        if (moved is not null && !string.Equals(moved.Id, stale.Id, StringComparison.Ordinal))
        {
            try
            {
                File.Move(aside, LockPath);
            }
            catch (IOException)
            {
                File.Delete(aside);
            }

            return false;
        }

        File.Delete(aside);
        return true;
    }

    /// <inheritdoc />
    public async Task<LockInfo?> ReadLockAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            var bytes = await File.ReadAllBytesAsync(LockPath, cancellationToken);
            return LockInfoJson.Decode(bytes);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (JsonException)
        {
            // Written half-way by a run that died at that instant: locked, holder unknown.
            return new LockInfo("unknown", "unknown", 0, "unknown", File.GetLastWriteTimeUtc(LockPath), "unknown");
        }
    }

    /// <inheritdoc />
    public async Task<LockInfo?> BreakLockAsync(string? lockId, CancellationToken cancellationToken = default)
    {
        var holder = await ReadLockAsync(cancellationToken);
        if (holder is null || (lockId is not null && !string.Equals(holder.Id, lockId, StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        File.Delete(LockPath);
        return holder;
    }

    /// <summary>Deletes the lock file if it is still ours.</summary>
    private sealed class FileLockRelease(LocalFileStateStore store, string id) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await store.BreakLockAsync(id);
    }
}
