using Microsoft.Extensions.Time.Testing;
using Provisioning.Azure.Pacing;

namespace Provisioning.Azure.Tests.Pacing;

/// <summary>Buckets per subscription and kind, waiting on the injected clock and honouring cancellation.</summary>
public sealed class SubscriptionPacerTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task A_drained_subscription_waits_while_another_subscription_and_another_kind_do_not()
    {
        var pacer = new SubscriptionPacer(new PacingOptions { Writes = new TokenBucketLimit(1, 1) }, _time);
        await pacer.WaitAsync("sub-a", RequestKind.Write, CancellationToken.None);

        var waiting = pacer.WaitAsync("SUB-A", RequestKind.Write, CancellationToken.None).AsTask();
        var other = pacer.WaitAsync("sub-b", RequestKind.Write, CancellationToken.None).AsTask();
        var read = pacer.WaitAsync("sub-a", RequestKind.Read, CancellationToken.None).AsTask();

        Assert.True(other.IsCompletedSuccessfully);
        Assert.True(read.IsCompletedSuccessfully);
        Assert.False(waiting.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(1));
        await waiting.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_cancelled_wait_throws_and_gives_its_token_back()
    {
        var pacer = new SubscriptionPacer(new PacingOptions { Deletes = new TokenBucketLimit(1, 1) }, _time);
        await pacer.WaitAsync("sub", RequestKind.Delete, CancellationToken.None);
        using var cancellation = new CancellationTokenSource();

        var waiting = pacer.WaitAsync("sub", RequestKind.Delete, cancellation.Token).AsTask();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(0, pacer.Available("sub", RequestKind.Delete), 6);
    }
}
