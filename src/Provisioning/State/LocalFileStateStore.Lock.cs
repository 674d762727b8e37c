using System.Diagnostics;
using System.Text.Json;
using Provisioning.Diagnostics;

namespace Provisioning.State;

/// <summary>
/// The file lock: <c>&lt;stack&gt;.lock</c> created with <see cref="FileMode.CreateNew"/> (atomic: of two runs, one
/// creates it), holding the lock's JSON written in one write. A lock that vanishes between a failed create and the read
/// of its holder is retried; a lock read while its holder is still writing it is read again after a moment.
/// </summary>
public sealed partial class LocalFileStateStore
{
    /// <summary>Create attempts before giving up when the lock keeps vanishing under us (each a released lock).</summary>
    private const int AcquireAttempts = 50;

    /// <summary>Reads of a lock whose content is not yet complete (its holder is between create and write) before calling its holder unknown.</summary>
    private const int HolderReads = 40;

    private static readonly TimeSpan HolderReadDelay = TimeSpan.FromMilliseconds(25);

    /// <inheritdoc />
    public async Task<IAsyncDisposable> AcquireLockAsync(LockInfo info, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(info);
        StateFileSystem.EnsureFolder(Directory);
        TakenOverLock = null;
        var content = LockInfoJson.Encode(info);
        string? lastError = null;
        for (var attempt = 0; attempt < AcquireAttempts; attempt++)
        {
            CheckLockPath();
            FileStream stream;
            try
            {
                stream = new FileStream(LockPath, OwnerOnly(FileMode.CreateNew));
            }
            catch (UnauthorizedAccessException e)
            {
                throw new DiagnosticException(DiagnosticCatalog.LockUnusable(LockPath, e.Message), e);
            }
            catch (IOException e)
            {
                // Taken (or gone again already): who holds it decides.
                lastError = e.Message;
                var holder = await ReadLockAsync(cancellationToken);
                if (holder is null)
                {
                    continue;
                }

                if (TakenOverLock is null && IsDeadLocalHolder(holder) && TryClaimStaleLock(holder))
                {
                    TakenOverLock = holder;
                    continue;
                }

                throw new StackLockedException(System.IO.Path.GetFileNameWithoutExtension(Path), holder);
            }

            try
            {
                await using (stream)
                {
                    // One write of a few hundred bytes; a reader that comes before it waits (see ReadLockAsync).
                    await stream.WriteAsync(content, cancellationToken);
                    await stream.FlushAsync(cancellationToken);
                    stream.Flush(flushToDisk: true);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or OperationCanceledException)
            {
                StateFileSystem.TryDelete(LockPath);
                if (e is OperationCanceledException)
                {
                    throw;
                }

                throw new DiagnosticException(DiagnosticCatalog.LockUnusable(LockPath, e.Message), e);
            }

            return new FileLockRelease(this, info.Id);
        }

        throw new DiagnosticException(DiagnosticCatalog.LockUnusable(LockPath, $"it could not be created in {AcquireAttempts} attempts ({lastError})"));
    }

    /// <summary>
    /// The lock this store removed in its last <see cref="AcquireLockAsync"/> because the run that held it had died
    /// (same host, its process gone), or null. A killed run needs no manual unlock on the machine where it ran.
    /// </summary>
    public LockInfo? TakenOverLock { get; private set; }

    /// <inheritdoc />
    public async Task<LockInfo?> ReadLockAsync(CancellationToken cancellationToken = default)
    {
        for (var read = 1; ; read++)
        {
            CheckLockPath();
            byte[] bytes;
            try
            {
                bytes = await File.ReadAllBytesAsync(LockPath, cancellationToken);
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
            {
                return null;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new DiagnosticException(DiagnosticCatalog.LockUnusable(LockPath, e.Message), e);
            }

            try
            {
                return LockInfoJson.Decode(bytes);
            }
            catch (JsonException) when (read < HolderReads)
            {
                // Created but not yet written: its holder writes it in a moment.
                await Task.Delay(HolderReadDelay, cancellationToken);
            }
            catch (JsonException)
            {
                // Still unreadable: written half-way by a run that died at that instant. Locked, holder unknown.
                return LockInfo.Unknown(LastWrite());
            }
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

        try
        {
            File.Delete(LockPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DiagnosticException(DiagnosticCatalog.LockUnusable(LockPath, e.Message), e);
        }

        return holder;
    }

    /// <summary>PRV108 when the lock path is a directory or a dangling link: no run could ever take the lock.</summary>
    private void CheckLockPath()
    {
        if (System.IO.Directory.Exists(LockPath))
        {
            throw new DiagnosticException(DiagnosticCatalog.LockUnusable(LockPath, "it is a directory, not a lock file."));
        }

        var info = new FileInfo(LockPath);
        if (info.LinkTarget is { } target && !File.Exists(LockPath))
        {
            throw new DiagnosticException(DiagnosticCatalog.LockUnusable(LockPath, $"it is a symbolic link to '{target}', which does not exist."));
        }
    }

    private DateTimeOffset LastWrite()
    {
        try
        {
            return File.GetLastWriteTimeUtc(LockPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return DateTimeOffset.UnixEpoch;
        }
    }

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
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }

        LockInfo? moved;
        try
        {
            moved = LockInfoJson.Decode(File.ReadAllBytes(aside));
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            moved = null;
        }

        if (moved is not null && !string.Equals(moved.Id, stale.Id, StringComparison.Ordinal))
        {
            try
            {
                File.Move(aside, LockPath);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                StateFileSystem.TryDelete(aside);
            }

            return false;
        }

        StateFileSystem.TryDelete(aside);
        return true;
    }

    /// <summary>Deletes the lock file if it is still ours.</summary>
    private sealed class FileLockRelease(LocalFileStateStore store, string id) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await store.BreakLockAsync(id);
    }
}
