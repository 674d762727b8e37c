using System.Globalization;
using Azure;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Provisioning.State;

namespace Provisioning.Azure.State;

/// <summary>The lock: a 60-second lease on <c>&lt;stack&gt;.lock</c>, renewed in the background, with the holder in the blob's metadata.</summary>
public sealed partial class AzureBlobStateStore
{
    /// <summary>The lease's duration (60 s, the longest finite lease): a run that dies frees the stack within a minute.</summary>
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(60);

    /// <inheritdoc />
    public Task<IAsyncDisposable> AcquireLockAsync(LockInfo info, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(info);
        return GuardAsync(() => AcquireLockCoreAsync(info, cancellationToken), "taking the lock", cancellationToken);
    }

    /// <inheritdoc />
    public Task<LockInfo?> ReadLockAsync(CancellationToken cancellationToken = default) =>
        GuardAsync(() => ReadLockCoreAsync(cancellationToken), "reading the lock", cancellationToken);

    /// <inheritdoc />
    public Task<LockInfo?> BreakLockAsync(string? lockId, CancellationToken cancellationToken = default) =>
        GuardAsync(() => BreakLockCoreAsync(lockId, cancellationToken), "breaking the lock", cancellationToken);

    private async Task<IAsyncDisposable> AcquireLockCoreAsync(LockInfo info, CancellationToken cancellationToken)
    {
        await Container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        try
        {
            await _lock.UploadAsync(BinaryData.FromString(string.Empty), new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } }, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            // The lock blob exists already (it is kept between runs; only its lease says locked).
        }

        var leaseId = LeaseId(info.Id);
        var lease = _lock.GetBlobLeaseClient(leaseId);
        try
        {
            await lease.AcquireAsync(LeaseDuration, cancellationToken: cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            throw new StackLockedException(_stack, await ReadHolderAsync(cancellationToken));
        }

        await _lock.SetMetadataAsync(Metadata(info), new BlobRequestConditions { LeaseId = leaseId }, cancellationToken);
        return new BlobLeaseLock(_lock, lease, LeaseDuration / 3, _time);
    }

    /// <summary>
    /// Reads who holds the lease. The holder writes its details just after taking the lease, so a run that loses
    /// the race by milliseconds waits briefly (up to 2 s) for them rather than reporting an unknown holder.
    /// </summary>
    private async Task<LockInfo?> ReadHolderAsync(CancellationToken cancellationToken)
    {
        var holder = await ReadLockCoreAsync(cancellationToken);
        for (var i = 0; i < 20 && holder is { Id: "unknown" }; i++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), _time, cancellationToken);
            holder = await ReadLockCoreAsync(cancellationToken);
        }

        return holder;
    }

    private async Task<LockInfo?> ReadLockCoreAsync(CancellationToken cancellationToken)
    {
        try
        {
            var properties = await _lock.GetPropertiesAsync(cancellationToken: cancellationToken);
            if (properties.Value.LeaseState != LeaseState.Leased)
            {
                return null;
            }

            var m = properties.Value.Metadata;
            string Get(string key) => m.TryGetValue(key, out var v) ? Uri.UnescapeDataString(v) : "unknown";
            return new LockInfo(
                Get("lockid"),
                Get("host"),
                int.TryParse(Get("pid"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid) ? pid : 0,
                Get("user"),
                DateTimeOffset.TryParse(Get("since"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var since) ? since : properties.Value.LastModified,
                Get("operation"));
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    private async Task<LockInfo?> BreakLockCoreAsync(string? lockId, CancellationToken cancellationToken)
    {
        var holder = await ReadLockCoreAsync(cancellationToken);
        if (holder is null || (lockId is not null && !string.Equals(holder.Id, lockId, StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        await _lock.GetBlobLeaseClient().BreakAsync(TimeSpan.Zero, cancellationToken: cancellationToken);
        return holder;
    }

    /// <summary>Lease ids are GUIDs in the D format; lock ids are GUIDs in any format.</summary>
    private static string LeaseId(string lockId) =>
        Guid.TryParse(lockId, out var guid) ? guid.ToString("D") : throw new ArgumentException($"The lock id '{lockId}' is not a GUID.", nameof(lockId));

    private static Dictionary<string, string> Metadata(LockInfo info) => new(StringComparer.Ordinal)
    {
        ["lockid"] = info.Id,
        ["host"] = Uri.EscapeDataString(info.Host),
        ["pid"] = info.ProcessId.ToString(CultureInfo.InvariantCulture),
        ["user"] = Uri.EscapeDataString(info.User),
        ["since"] = info.Since.ToString("O", CultureInfo.InvariantCulture),
        ["operation"] = Uri.EscapeDataString(info.Operation),
    };
}
