namespace Provisioning.ArmEmulator;

/// <summary>One token bucket, refilled continuously from the time provider's clock; not thread-safe (the throttle locks).</summary>
internal sealed class TokenBucket
{
    private readonly double _size;
    private readonly double _refillPerSecond;
    private readonly TimeProvider _time;
    private long _refilledAt;

    public TokenBucket(double size, double refillPerSecond, TimeProvider time)
    {
        _size = size;
        _refillPerSecond = refillPerSecond;
        _time = time;
        Tokens = size;
        _refilledAt = time.GetTimestamp();
    }

    /// <summary>Gets the tokens available as of the last <see cref="Refill"/>.</summary>
    public double Tokens { get; private set; }

    /// <summary>Adds the tokens earned since the last refill, up to the size.</summary>
    public void Refill(long now)
    {
        var seconds = _time.GetElapsedTime(_refilledAt, now).TotalSeconds;
        if (seconds > 0)
        {
            Tokens = Math.Min(_size, Tokens + (seconds * _refillPerSecond));
            _refilledAt = now;
        }
    }

    /// <summary>Takes one token; the caller checked that one is there.</summary>
    public void Take() => Tokens -= 1;

    /// <summary>Returns the seconds until one whole token is available (0 when it already is).</summary>
    public double SecondsUntilToken() => Tokens >= 1 ? 0 : (1 - Tokens) / _refillPerSecond;
}
