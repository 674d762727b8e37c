using System.Collections.Immutable;
using System.Net;
using Azure.Core.Pipeline;
using Provisioning.Azure.Tests.Fakes;
using Provisioning.Model;

namespace Provisioning.Azure.Tests;

/// <summary>Retries wait what ARM asks, on the injected clock: proven with a fake clock and no real sleeping.</summary>
public sealed class RetryAfterTests
{
    private static readonly ArmResourceId MappingId = ArmResourceId.Parse(
        "/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/azurestack/providers/Microsoft.AzureStack/registrations/r1/customerSubscriptions/22222222-2222-2222-2222-222222222222");

    private static readonly ImmutableSortedDictionary<string, string> Tenant =
        ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("tenantId", "t-1")]);

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public async Task A_retry_waits_for_Retry_After_on_the_clock_before_it_is_sent(int status)
    {
        var time = new RecordingTimeProvider();
        var attempts = 0;
        var handler = new CannedHandler(_ =>
        {
            if (Interlocked.Increment(ref attempts) > 1)
            {
                return CannedHandler.Json(HttpStatusCode.OK, """{"properties":{"tenantId":"t-1"}}""");
            }

            var refused = CannedHandler.Json((HttpStatusCode)status, """{"error":{"code":"SubscriptionRequestsThrottled","message":"slow down"}}""");
            refused.Headers.Add("Retry-After", "7");
            return refused;
        });
        var client = ClientWith(handler, time);

        var put = client.PutAsync(MappingId, "2017-06-01", Tenant);
        var due = await time.NextTimerAsync();

        Assert.Equal(TimeSpan.FromSeconds(7), due);
        Assert.Equal(1, Volatile.Read(ref attempts));
        Assert.False(put.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(7));
        var observed = await put.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("t-1", observed.Properties["tenantId"]);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task A_400_class_error_is_never_retried_and_keeps_ARMs_code_and_message()
    {
        var handler = new CannedHandler(_ => CannedHandler.Json(HttpStatusCode.Conflict,
            """{"error":{"code":"CustomerSubscriptionsNotAllowed","message":"Capacity registrations do not accept tenants."}}""", "req-409"));
        var client = ClientWith(handler, new RecordingTimeProvider());

        var error = await Assert.ThrowsAsync<ArmRequestException>(() => client.PutAsync(MappingId, "2017-06-01", Tenant));

        Assert.Single(handler.Requests);
        Assert.Equal(409, error.Status);
        Assert.Equal("CustomerSubscriptionsNotAllowed", error.ErrorCode);
        Assert.Contains("409 CustomerSubscriptionsNotAllowed: Capacity registrations do not accept tenants.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancellation_during_a_Retry_After_wait_stops_the_request()
    {
        var time = new RecordingTimeProvider();
        var handler = new CannedHandler(_ =>
        {
            var refused = CannedHandler.Json(HttpStatusCode.TooManyRequests, """{"error":{"code":"SubscriptionRequestsThrottled","message":"slow down"}}""");
            refused.Headers.Add("Retry-After", "30");
            return refused;
        });
        var client = ClientWith(handler, time);
        using var cancellation = new CancellationTokenSource();

        var put = client.PutAsync(MappingId, "2017-06-01", Tenant, cancellation.Token);
        await time.NextTimerAsync();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => put.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Single(handler.Requests);
    }

    private static AzureStackResourceClient ClientWith(CannedHandler handler, TimeProvider time)
    {
        var options = new AzureStackClientOptions(new Uri("https://management.example.test/"))
        {
            Transport = new HttpClientTransport(handler),
            TimeProvider = time,
        };
        return new AzureStackResourceClient(new StaticTokenCredential("unit-token"), options);
    }
}
