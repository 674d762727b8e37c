using System.Net;
using Microsoft.Extensions.Time.Testing;

namespace Provisioning.ArmEmulator.Tests;

public sealed class ThrottlingTests : IAsyncLifetime, IDisposable
{
    private readonly FakeTimeProvider _time = FakeClock.New();
    private readonly TestRegistration _registration = TestRegistration.NewUnique();
    private ArmEmulator? _emulator;
    private ArmTestClient? _client;

    private ArmEmulator Emulator => _emulator!;

    private ArmTestClient Client => _client!;

    public Task InitializeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Writes_beyond_the_bucket_are_429_SubscriptionRequestsThrottled_with_Retry_After_and_no_effect()
    {
        await StartAsync(o => o.Throttling.Writes = new TokenBucketOptions(5, 1));
        var caller = Ids.New();
        for (var i = 0; i < 5; i++)
        {
            using var ok = await PutAsync(Ids.New(), Tokens.Jwt(caller));
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        var refused = Ids.New();
        using var response = await PutAsync(refused, Tokens.Jwt(caller));

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), response.Headers.RetryAfter?.Delta);
        var (code, message) = await ArmTestClient.ErrorAsync(response);
        Assert.Equal("SubscriptionRequestsThrottled", code);
        Assert.Equal(
            $"Number of 'write' requests for subscription '{_registration.SubscriptionId}' actor '{caller}' exceeded. "
            + "Please try again after '1' seconds after additional tokens are available. Refer to https://aka.ms/arm-throttling for additional information.",
            message);
        Assert.DoesNotContain(Emulator.Store.GetAllMappings(), m => m.CustomerSubscriptionId == refused);
        Assert.Equal(1, Emulator.RequestLog.ThrottledCount);
        Assert.Equal(1, Emulator.RequestLog.CountOf(ArmOperationKind.Write, 429));
    }

    [Fact]
    public async Task Retry_After_is_the_whole_seconds_until_the_refill_brings_a_token()
    {
        await StartAsync(o => o.Throttling.Deletes = new TokenBucketOptions(2, 0.25));
        using (await DeleteAsync())
        {
        }

        using (await DeleteAsync())
        {
        }

        using var response = await DeleteAsync();

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(4), response.Headers.RetryAfter?.Delta);
        Assert.Contains("Number of 'delete' requests", (await ArmTestClient.ErrorAsync(response)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tokens_refill_as_time_passes()
    {
        await StartAsync(o => o.Throttling.Reads = new TokenBucketOptions(2, 1));
        using (await GetAsync())
        {
        }

        using (await GetAsync())
        {
        }

        using var empty = await GetAsync();
        _time.Advance(TimeSpan.FromSeconds(1));
        using var refilled = await GetAsync();
        using var emptyAgain = await GetAsync();
        _time.Advance(TimeSpan.FromMinutes(5));
        using var full = await GetAsync();

        Assert.Equal(HttpStatusCode.TooManyRequests, empty.StatusCode);
        Assert.Equal(HttpStatusCode.OK, refilled.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, emptyAgain.StatusCode);
        Assert.Equal(HttpStatusCode.OK, full.StatusCode);
        Assert.Equal("1", Header(full, "x-ms-ratelimit-remaining-subscription-reads"));
    }

    [Fact]
    public async Task Every_answer_carries_the_remaining_tokens_of_its_kind_counting_down_from_ARM_defaults()
    {
        await StartAsync();

        using var read1 = await GetAsync();
        using var read2 = await GetAsync();
        using var write = await PutAsync(Ids.New());
        using var delete = await DeleteAsync();

        Assert.Equal(("249", "3749"), (Header(read1, "x-ms-ratelimit-remaining-subscription-reads"), Header(read1, "x-ms-ratelimit-remaining-subscription-global-reads")));
        Assert.Equal(("248", "3748"), (Header(read2, "x-ms-ratelimit-remaining-subscription-reads"), Header(read2, "x-ms-ratelimit-remaining-subscription-global-reads")));
        Assert.Equal(("199", "2999"), (Header(write, "x-ms-ratelimit-remaining-subscription-writes"), Header(write, "x-ms-ratelimit-remaining-subscription-global-writes")));
        Assert.Equal(("199", "2999"), (Header(delete, "x-ms-ratelimit-remaining-subscription-deletes"), Header(delete, "x-ms-ratelimit-remaining-subscription-global-deletes")));
        Assert.False(read1.Headers.Contains("x-ms-ratelimit-remaining-subscription-writes"));
    }

    [Fact]
    public async Task Each_principal_has_its_own_bucket_and_all_share_the_global_one()
    {
        await StartAsync(o =>
        {
            o.Throttling.Writes = new TokenBucketOptions(3, 1);
            o.Throttling.GlobalMultiplier = 2;
        });
        var (first, second, third) = (Ids.New(), Ids.New(), Ids.New());
        var firstStatuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await PutAsync(Ids.New(), Tokens.Jwt(first));
            firstStatuses.Add(response.StatusCode);
        }

        var secondStatuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await PutAsync(Ids.New(), Tokens.Jwt(second));
            secondStatuses.Add(response.StatusCode);
        }

        using var thirdResponse = await PutAsync(Ids.New(), Tokens.Jwt(third));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], firstStatuses);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], secondStatuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, thirdResponse.StatusCode);
        Assert.Equal("3", Header(thirdResponse, "x-ms-ratelimit-remaining-subscription-writes"));
        Assert.Equal("0", Header(thirdResponse, "x-ms-ratelimit-remaining-subscription-global-writes"));
        Assert.Contains($"actor '{third}'", (await ArmTestClient.ErrorAsync(thirdResponse)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_opaque_token_is_its_own_principal_and_never_appears_in_the_answer()
    {
        await StartAsync(o => o.Throttling.Reads = new TokenBucketOptions(1, 1));
        using (await GetAsync("Bearer opaque-secret-one"))
        {
        }

        using var refused = await GetAsync("Bearer opaque-secret-one");
        using var other = await GetAsync("Bearer opaque-secret-two");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.DoesNotContain("opaque-secret", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subscriptions_are_throttled_separately()
    {
        await StartAsync(o => o.Throttling.Reads = new TokenBucketOptions(1, 1));
        var elsewhere = TestRegistration.NewUnique();
        using (await GetAsync())
        {
        }

        using var refused = await GetAsync();
        using var other = await Client.GetAsync(elsewhere.Path);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    [Fact]
    public async Task Without_throttling_there_are_no_429s_and_no_rate_limit_headers()
    {
        await StartAsync(o =>
        {
            o.Throttling.Enabled = false;
            o.Throttling.Reads = new TokenBucketOptions(1, 1);
        });

        using (await GetAsync())
        {
        }

        using var second = await GetAsync();

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.DoesNotContain(second.Headers, h => h.Key.StartsWith("x-ms-ratelimit", StringComparison.OrdinalIgnoreCase));
    }

    public async Task DisposeAsync()
    {
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }

    public void Dispose() => _client?.Dispose();

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.Single() : null;

    private async Task StartAsync(Action<ArmEmulatorOptions>? configure = null)
    {
        var options = new ArmEmulatorOptions { TimeProvider = _time };
        configure?.Invoke(options);
        _emulator = await ArmEmulator.StartAsync(options);
        _client = new ArmTestClient(_emulator);
        _emulator.Store.SeedRegistration(_registration.SubscriptionId, _registration.ResourceGroup, _registration.Name);
    }

    private Task<HttpResponseMessage> GetAsync(string authorization = "Bearer test-token") =>
        Client.SendAsync(HttpMethod.Get, ArmTestClient.WithApiVersion(_registration.Path), authorization: authorization);

    private Task<HttpResponseMessage> DeleteAsync() =>
        Client.SendAsync(HttpMethod.Delete, ArmTestClient.WithApiVersion(_registration.CustomerSubscriptionPath(Ids.New())));

    private Task<HttpResponseMessage> PutAsync(string customerSubscriptionId, string authorization = "Bearer test-token") =>
        Client.SendAsync(
            HttpMethod.Put,
            ArmTestClient.WithApiVersion(_registration.CustomerSubscriptionPath(customerSubscriptionId)),
            $$$"""{"properties":{"tenantId":"{{{Ids.New()}}}"}}""",
            authorization);
}
