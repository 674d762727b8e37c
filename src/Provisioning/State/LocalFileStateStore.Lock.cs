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
        try
        {
            await using var stream = new FileStream(LockPath, OwnerOnly(FileMode.CreateNew));
            await stream.WriteAsync(LockInfoJson.Encode(info), cancellationToken);
            stream.Flush(flushToDisk: true);
        }
        catch (IOException) when (File.Exists(LockPath))
        {
            throw new StackLockedException(System.IO.Path.GetFileNameWithoutExtension(Path), await ReadLockAsync(cancellationToken));
        }

        return new FileLockRelease(this, info.Id);
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
