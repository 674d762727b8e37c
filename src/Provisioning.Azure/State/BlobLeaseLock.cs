using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace Provisioning.Azure.State;

/// <summary>
/// A held blob lease, renewed every <c>renewEvery</c> until disposed; then the holder's details are cleared from the
/// blob's metadata (so the next holder is never shown as the previous one) and the lease is released.
/// </summary>
internal sealed class BlobLeaseLock : IAsyncDisposable
{
    private readonly BlobClient _blob;
    private readonly BlobLeaseClient _lease;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _renewal;

    public BlobLeaseLock(BlobClient blob, BlobLeaseClient lease, TimeSpan renewEvery, TimeProvider time)
    {
        _blob = blob;
        _lease = lease;
        _renewal = RenewAsync(renewEvery, time, _stop.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _renewal;
        _stop.Dispose();
        try
        {
            await _blob.SetMetadataAsync(new Dictionary<string, string>(), new BlobRequestConditions { LeaseId = _lease.LeaseId });
            await _lease.ReleaseAsync();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Broken by 'provision cancel' or expired: nothing left to release. Or no answer (network, token): the lease
            // expires by itself within its 60 s, and a failed release must not turn a finished run into a failed one.
        }
    }

    private async Task RenewAsync(TimeSpan every, TimeProvider time, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(every, time, stop);
                await _lease.RenewAsync(cancellationToken: stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A failed renewal (refused, or no answer) is retried at the next tick; the lease lasts three ticks.
            }
        }
    }
}
