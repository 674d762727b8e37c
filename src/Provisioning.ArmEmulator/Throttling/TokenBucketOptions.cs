namespace Provisioning.ArmEmulator;

/// <summary>The size and refill rate of one token bucket (one request costs one token).</summary>
public sealed class TokenBucketOptions
{
    /// <summary>Initializes a bucket of the given size and refill rate.</summary>
    /// <param name="bucketSize">The number of tokens a full bucket holds (at least 1).</param>
    /// <param name="refillPerSecond">The tokens added per second (more than 0).</param>
    public TokenBucketOptions(double bucketSize, double refillPerSecond)
    {
        BucketSize = bucketSize;
        RefillPerSecond = refillPerSecond;
    }

    /// <summary>Gets or sets the number of tokens a full bucket holds; requests in a burst beyond it are throttled.</summary>
    public double BucketSize { get; set; }

    /// <summary>Gets or sets the tokens added back per second, up to <see cref="BucketSize"/>.</summary>
    public double RefillPerSecond { get; set; }

    internal void Validate(string name)
    {
        if (!(BucketSize >= 1) || !(RefillPerSecond > 0) || double.IsInfinity(BucketSize) || double.IsInfinity(RefillPerSecond))
        {
            throw new ArgumentOutOfRangeException(
                name, $"{name}: the bucket size must be at least 1 and the refill rate more than 0 (got {BucketSize}:{RefillPerSecond}).");
        }
    }
}
