namespace Provisioning.ArmEmulator;

/// <summary>The buckets of one emulator: per (subscription, principal, kind) and a global one per (subscription, kind).</summary>
internal sealed class RequestThrottle(ThrottlingOptions options, TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Subscription, string Principal, ArmOperationKind Kind), TokenBucket> _principals = [];
    private readonly Dictionary<(string Subscription, ArmOperationKind Kind), TokenBucket> _globals = [];

    /// <summary>Takes a token from the caller's bucket and from the global bucket, or from neither when either is empty.</summary>
    public ThrottleDecision TryAcquire(string subscriptionId, string principalId, ArmOperationKind kind)
    {
        var subscription = subscriptionId.ToUpperInvariant();
        var limits = options.For(kind);
        lock (_gate)
        {
            var own = GetOrAdd(_principals, (subscription, principalId, kind), limits.BucketSize, limits.RefillPerSecond);
            var global = GetOrAdd(
                _globals, (subscription, kind), limits.BucketSize * options.GlobalMultiplier, limits.RefillPerSecond * options.GlobalMultiplier);
            var now = time.GetTimestamp();
            own.Refill(now);
            global.Refill(now);
            if (own.Tokens >= 1 && global.Tokens >= 1)
            {
                own.Take();
                global.Take();
                return new ThrottleDecision(true, Whole(own), Whole(global), 0);
            }

            var wait = Math.Max(own.SecondsUntilToken(), global.SecondsUntilToken());
            return new ThrottleDecision(false, Whole(own), Whole(global), Math.Max(1, (int)Math.Ceiling(wait)));
        }
    }

    private static long Whole(TokenBucket bucket) => (long)Math.Floor(bucket.Tokens);

    private TokenBucket GetOrAdd<TKey>(Dictionary<TKey, TokenBucket> buckets, TKey key, double size, double refill)
        where TKey : notnull
    {
        if (!buckets.TryGetValue(key, out var bucket))
        {
            bucket = new TokenBucket(size, refill, time);
            buckets[key] = bucket;
        }

        return bucket;
    }
}
