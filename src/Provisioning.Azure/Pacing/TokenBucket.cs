namespace Provisioning.Azure.Pacing;

/// <summary>
/// The bucket arithmetic, without I/O: a caller takes a token and is told how long to wait for it. Tokens may go
/// below zero, which reserves future refills in arrival order, so waiting callers need no polling or wake-up queue.
/// </summary>
internal sealed class TokenBucket
{
    private readonly Lock _gate = new();
    private readonly TokenBucketLimit _limit;
    private readonly TimeProvider _time;
    private double _tokens;
    private long _stamp;

    /// <summary>Creates a full bucket.</summary>
    public TokenBucket(TokenBucketLimit limit, TimeProvider time)
    {
        _limit = limit;
        _time = time;
        _tokens = limit.Size;
        _stamp = time.GetTimestamp();
    }

    /// <summary>Gets the tokens available now; negative when callers are waiting for refills.</summary>
    public double Available
    {
        get
        {
            lock (_gate)
            {
                Refill();
                return _tokens;
            }
        }
    }

    /// <summary>Takes one token and returns how long to wait before using it (zero when one was in the bucket).</summary>
    public TimeSpan Take()
    {
        lock (_gate)
        {
            Refill();
            _tokens -= 1;
            return _tokens >= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(-_tokens / _limit.RefillPerSecond);
        }
    }

    /// <summary>Gives back a token taken but not used (its caller was cancelled while waiting).</summary>
    public void Return()
    {
        lock (_gate)
        {
            Refill();
            _tokens = Math.Min(_limit.Size, _tokens + 1);
        }
    }

    /// <summary>Believes the server when it says fewer tokens remain than this bucket thinks; more is ignored (other requests are still in flight).</summary>
    public void Observe(double remaining)
    {
        lock (_gate)
        {
            Refill();
            if (remaining < _tokens)
            {
                _tokens = Math.Max(remaining, 0);
            }
        }
    }

    private void Refill()
    {
        var now = _time.GetTimestamp();
        var elapsed = _time.GetElapsedTime(_stamp, now).TotalSeconds;
        _stamp = now;
        _tokens = Math.Min(_limit.Size, _tokens + (elapsed * _limit.RefillPerSecond));
    }
}
