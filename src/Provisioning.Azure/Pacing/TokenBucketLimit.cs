namespace Provisioning.Azure.Pacing;

/// <summary>The size and refill rate of one client-side token bucket (one request costs one token).</summary>
/// <param name="Size">The tokens a full bucket holds, i.e. the largest burst (at least 1).</param>
/// <param name="RefillPerSecond">The tokens added back per second (more than 0).</param>
public sealed record TokenBucketLimit(double Size, double RefillPerSecond)
{
    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> unless the size is at least 1 and the refill rate more than 0.</summary>
    public void Validate(string name)
    {
        if (!(Size >= 1) || !(RefillPerSecond > 0) || double.IsInfinity(Size) || double.IsInfinity(RefillPerSecond))
        {
            throw new ArgumentOutOfRangeException(name, $"{name}: the bucket size must be at least 1 and the refill rate more than 0 (got {Size}:{RefillPerSecond}).");
        }
    }
}
