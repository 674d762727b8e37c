using Microsoft.Extensions.Time.Testing;
using Provisioning.Azure.Pacing;

namespace Provisioning.Azure.Tests.Pacing;

/// <summary>The bucket arithmetic on a fake clock.</summary>
public sealed class TokenBucketTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void A_full_bucket_lets_a_burst_of_its_size_through_without_waiting()
    {
        var bucket = new TokenBucket(new TokenBucketLimit(200, 10), _time);

        var waits = Enumerable.Range(0, 200).Select(_ => bucket.Take()).ToList();

        Assert.All(waits, w => Assert.Equal(TimeSpan.Zero, w));
        Assert.Equal(0, bucket.Available, 6);
    }

    [Fact]
    public void Beyond_the_burst_each_request_waits_for_its_own_refill_in_arrival_order()
    {
        var bucket = new TokenBucket(new TokenBucketLimit(2, 10), _time);
        bucket.Take();
        bucket.Take();

        Assert.Equal(TimeSpan.FromMilliseconds(100), bucket.Take());
        Assert.Equal(TimeSpan.FromMilliseconds(200), bucket.Take());
        _time.Advance(TimeSpan.FromMilliseconds(200));
        Assert.Equal(TimeSpan.FromMilliseconds(100), bucket.Take());
    }

    [Fact]
    public void Refill_stops_at_the_bucket_size()
    {
        var bucket = new TokenBucket(new TokenBucketLimit(5, 10), _time);
        bucket.Take();

        _time.Advance(TimeSpan.FromHours(1));

        Assert.Equal(5, bucket.Available, 6);
    }

    [Fact]
    public void The_server_is_believed_when_it_says_fewer_tokens_remain_but_not_when_it_says_more()
    {
        var bucket = new TokenBucket(new TokenBucketLimit(200, 10), _time);

        bucket.Observe(3);
        Assert.Equal(3, bucket.Available, 6);

        bucket.Observe(150);
        Assert.Equal(3, bucket.Available, 6);

        bucket.Take();
        bucket.Take();
        bucket.Take();
        Assert.Equal(TimeSpan.FromMilliseconds(100), bucket.Take());
    }

    [Fact]
    public void A_token_given_back_shortens_the_next_wait()
    {
        var bucket = new TokenBucket(new TokenBucketLimit(1, 10), _time);
        bucket.Take();
        Assert.Equal(TimeSpan.FromMilliseconds(100), bucket.Take());

        bucket.Return();

        Assert.Equal(TimeSpan.FromMilliseconds(100), bucket.Take());
    }
}
