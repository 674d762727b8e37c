using System.Collections.Concurrent;

namespace Provisioning.Azure.Pacing;

/// <summary>One <see cref="TokenBucket"/> per (subscription, request kind), created on first use; subscriptions never wait for each other.</summary>
internal sealed class SubscriptionPacer(PacingOptions options, TimeProvider time)
{
    private readonly ConcurrentDictionary<(string Subscription, RequestKind Kind), TokenBucket> _buckets = new();

    /// <summary>Waits (on the pacer's clock) until the bucket of this subscription and kind has a token for one request.</summary>
    /// <exception cref="OperationCanceledException">The wait was cancelled; the token is given back.</exception>
    public async ValueTask WaitAsync(string subscription, RequestKind kind, CancellationToken cancellationToken)
    {
        var bucket = BucketOf(subscription, kind);
        var wait = bucket.Take();
        if (wait <= TimeSpan.Zero)
        {
            return;
        }

        try
        {
            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            bucket.Return();
            throw;
        }
    }

    /// <summary>Lowers the bucket to what the server says remains, when that is fewer than it holds.</summary>
    public void Observe(string subscription, RequestKind kind, double remaining) => BucketOf(subscription, kind).Observe(remaining);

    /// <summary>Returns the tokens available now in a bucket (for tests and logs).</summary>
    public double Available(string subscription, RequestKind kind) => BucketOf(subscription, kind).Available;

    private TokenBucket BucketOf(string subscription, RequestKind kind) =>
        _buckets.GetOrAdd((subscription.ToLowerInvariant(), kind), key => new TokenBucket(options.For(key.Kind), time));
}
