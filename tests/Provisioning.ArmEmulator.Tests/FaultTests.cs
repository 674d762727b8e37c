using System.Net;

namespace Provisioning.ArmEmulator.Tests;

public sealed class FaultTests
{
    [Fact]
    public async Task The_same_seed_gives_the_same_sequence_of_statuses()
    {
        static ArmEmulatorOptions Options(int seed) => new()
        {
            Throttling = { Enabled = false },
            Faults =
            {
                Seed = seed,
                Reads = { InternalServerErrorShare = 0.1, ServiceUnavailableShare = 0.1, TooManyRequestsShare = 0.1 },
            },
        };

        var first = await StatusesAsync(Options(42), 40);
        var second = await StatusesAsync(Options(42), 40);
        var other = await StatusesAsync(Options(7), 40);

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
        Assert.Contains(HttpStatusCode.OK, first);
        Assert.Contains(first, s => s != HttpStatusCode.OK);
    }

    [Theory]
    [InlineData(nameof(FaultRates.InternalServerErrorShare), HttpStatusCode.InternalServerError, "InternalServerError")]
    [InlineData(nameof(FaultRates.ServiceUnavailableShare), HttpStatusCode.ServiceUnavailable, "ServiceUnavailable")]
    [InlineData(nameof(FaultRates.TooManyRequestsShare), HttpStatusCode.TooManyRequests, "TooManyRequests")]
    public async Task An_injected_error_has_ARM_shape_and_the_write_had_no_effect(string share, HttpStatusCode status, string code)
    {
        var options = new ArmEmulatorOptions { Faults = { Seed = 1, RetryAfterSeconds = 3 } };
        typeof(FaultRates).GetProperty(share)!.SetValue(options.Faults.Writes, 1.0);
        await using var emulator = await ArmEmulator.StartAsync(options);
        using var client = new ArmTestClient(emulator);
        var registration = Seed(emulator);

        using var response = await client.PutMappingAsync(registration, Ids.New(), Ids.New());

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(code, (await ArmTestClient.ErrorAsync(response)).Code);
        Assert.Equal(0, emulator.Store.MappingCount);
        Assert.Equal(status == HttpStatusCode.TooManyRequests ? TimeSpan.FromSeconds(3) : null, response.Headers.RetryAfter?.Delta);
        Assert.Equal(1, emulator.RequestLog.CountOf(ArmOperationKind.Write, (int)status));
        Assert.Equal(0, emulator.RequestLog.ThrottledCount);
    }

    [Fact]
    public async Task A_dropped_connection_surfaces_as_HttpRequestException_and_the_write_had_no_effect()
    {
        await using var emulator = await ArmEmulator.StartAsync(new ArmEmulatorOptions { Faults = { Writes = { DropConnectionShare = 1 } } });
        using var client = new ArmTestClient(emulator);
        var registration = Seed(emulator);

        await Assert.ThrowsAsync<HttpRequestException>(() => client.PutMappingAsync(registration, Ids.New(), Ids.New()));

        Assert.Equal(0, emulator.Store.MappingCount);
        Assert.True(emulator.RequestLog.CountOf(EmulatorFault.DroppedConnection) >= 1);
        Assert.Equal(emulator.RequestLog.CountOf(ArmOperationKind.Write), emulator.RequestLog.CountOf(ArmOperationKind.Write, 0));
    }

    [Fact]
    public async Task A_fault_after_commit_applies_the_put_and_then_drops_the_connection()
    {
        await using var emulator = await ArmEmulator.StartAsync(new ArmEmulatorOptions { Faults = { Writes = { FaultAfterCommitShare = 1 } } });
        using var client = new ArmTestClient(emulator);
        var registration = Seed(emulator);
        var customerSubscription = Ids.New();
        var tenant = Ids.New();

        await Assert.ThrowsAsync<HttpRequestException>(() => client.PutMappingAsync(registration, customerSubscription, tenant));

        var mapping = Assert.Single(emulator.Store.GetAllMappings());
        Assert.Equal((customerSubscription, tenant), (mapping.CustomerSubscriptionId, mapping.TenantId));
        Assert.True(emulator.RequestLog.CountOf(EmulatorFault.DroppedAfterCommit) >= 1);
    }

    [Fact]
    public async Task A_fault_after_commit_applies_the_delete_and_then_drops_the_connection()
    {
        await using var emulator = await ArmEmulator.StartAsync(new ArmEmulatorOptions { Faults = { Deletes = { FaultAfterCommitShare = 1 } } });
        using var client = new ArmTestClient(emulator);
        var registration = Seed(emulator);
        var customerSubscription = Ids.New();
        emulator.Store.SeedMappings(registration.SubscriptionId, registration.ResourceGroup, registration.Name, [(customerSubscription, Ids.New())]);

        await Assert.ThrowsAsync<HttpRequestException>(() => client.DeleteAsync(registration.CustomerSubscriptionPath(customerSubscription)));

        Assert.Equal(0, emulator.Store.MappingCount);
    }

    [Fact]
    public async Task A_delayed_request_waits_on_the_emulator_clock_then_succeeds()
    {
        var time = FakeClock.New();
        await using var emulator = await ArmEmulator.StartAsync(new ArmEmulatorOptions
        {
            TimeProvider = time,
            Faults = { Delay = TimeSpan.FromSeconds(30), Reads = { DelayShare = 1 } },
        });
        using var client = new ArmTestClient(emulator);
        var registration = Seed(emulator);

        using var response = await FakeClock.AdvanceUntilDoneAsync(time, client.GetAsync(registration.Path), TimeSpan.FromSeconds(10));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, emulator.RequestLog.CountOf(EmulatorFault.Delayed));
    }

    [Fact]
    public async Task Faults_apply_only_to_the_kinds_configured_and_never_to_admin_routes()
    {
        await using var emulator = await ArmEmulator.StartAsync(new ArmEmulatorOptions { Faults = { Writes = { InternalServerErrorShare = 1 } } });
        using var client = new ArmTestClient(emulator);
        var registration = Seed(emulator);

        using var read = await client.GetAsync(registration.Path);
        using var delete = await client.DeleteAsync(registration.CustomerSubscriptionPath(Ids.New()));
        using var write = await client.PutMappingAsync(registration, Ids.New(), Ids.New());
        using var admin = await client.SendAsync(HttpMethod.Get, "/_emulator/requests", authorization: null);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, write.StatusCode);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        var summary = await ArmTestClient.JsonAsync(admin);
        Assert.Equal(
            """[{"kind":"read","statusCode":200,"count":1},{"kind":"write","statusCode":500,"count":1},{"kind":"delete","statusCode":204,"count":1}]""",
            summary.GetProperty("kinds").GetRawText());
        Assert.Equal("""[{"fault":"internalServerError","count":1}]""", summary.GetProperty("faults").GetRawText());
        Assert.Equal(0, summary.GetProperty("throttled").GetInt32());
    }

    [Fact]
    public async Task Shares_that_add_up_to_more_than_one_are_refused_at_start()
    {
        var options = new ArmEmulatorOptions { Faults = { Reads = { InternalServerErrorShare = 0.6, DelayShare = 0.6 } } };

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => ArmEmulator.StartAsync(options));
    }

    private static TestRegistration Seed(ArmEmulator emulator)
    {
        var registration = TestRegistration.NewUnique();
        emulator.Store.SeedRegistration(registration.SubscriptionId, registration.ResourceGroup, registration.Name);
        return registration;
    }

    private static async Task<List<HttpStatusCode>> StatusesAsync(ArmEmulatorOptions options, int count)
    {
        await using var emulator = await ArmEmulator.StartAsync(options);
        using var client = new ArmTestClient(emulator);
        var registration = Seed(emulator);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++)
        {
            using var response = await client.GetAsync(registration.Path);
            statuses.Add(response.StatusCode);
        }

        return statuses;
    }
}
