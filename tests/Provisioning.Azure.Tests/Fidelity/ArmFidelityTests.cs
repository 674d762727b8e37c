using Provisioning.ArmEmulator;
using Provisioning.Azure.Pacing;
using Provisioning.AzureStack;
using Provisioning.Execution;
using Provisioning.Model;
using Xunit.Abstractions;

namespace Provisioning.Azure.Tests.Fidelity;

/// <summary>
/// Issue 3's acceptance: the real client, the real Executor and the real emulator over loopback HTTPS, under throttling
/// and injected faults. Figures are printed, never asserted on timing; every test is bounded by a cancellation timeout.
/// </summary>
public sealed class ArmFidelityTests(ITestOutputHelper output)
{
    private const string West = "6513270e-269e-4d37-b2a7-4de452e6b438";
    private const string East = "0f4c3b6a-54c8-4c1a-9d0e-6a8f0e1e2b11";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_throttled_apply_of_1000_mappings_with_small_buckets_finishes_with_no_failed_step()
    {
        using var timeout = new CancellationTokenSource(Bound);
        var small = new ThrottlingOptions
        {
            Writes = new TokenBucketOptions(20, 200),
            Reads = new TokenBucketOptions(20, 200),
            Deletes = new TokenBucketOptions(20, 200),
        };
        await using var emulator = await ArmEmulator.ArmEmulator.StartAsync(new ArmEmulatorOptions { Throttling = small }, timeout.Token);
        var stack = SeededStack(emulator, [StackRun.Registration("west", West)], 1000);
        var client = ClientFor(emulator, options => options.Pacing = new PacingOptions
        {
            Writes = new TokenBucketLimit(20, 200),
            Reads = new TokenBucketLimit(20, 200),
            Deletes = new TokenBucketLimit(20, 200),
        });

        var (result, _, ms) = await StackRun.UpAsync(client, stack, parallelism: 20, timeout.Token);

        Report(emulator, result, ms);
        Assert.Equal(0, result.Failed);
        Assert.Equal(1000, result.Succeeded);
        Assert.Equal(1000, emulator.Store.MappingCount);
    }

    [Fact]
    public async Task An_apply_of_1000_mappings_under_injected_5xx_resets_and_429s_converges()
    {
        using var timeout = new CancellationTokenSource(Bound);
        var faults = new FaultOptions { Seed = 20240313, RetryAfterSeconds = 1 };
        foreach (var rates in new[] { faults.Reads, faults.Writes, faults.Deletes })
        {
            rates.InternalServerErrorShare = 0.04;
            rates.ServiceUnavailableShare = 0.03;
            rates.DropConnectionShare = 0.02;
            rates.FaultAfterCommitShare = 0.01;
            rates.TooManyRequestsShare = 0.05;
        }

        // Large buckets on both sides: this test is about faults; ARM's own sizes would make it a 30-second wait.
        var roomy = new ThrottlingOptions { Writes = new TokenBucketOptions(1000, 1000), Reads = new TokenBucketOptions(1000, 1000) };
        await using var emulator = await ArmEmulator.ArmEmulator.StartAsync(new ArmEmulatorOptions { Faults = faults, Throttling = roomy }, timeout.Token);
        var registrations = new[] { StackRun.Registration("west", West), StackRun.Registration("east", East, "azurestack-east") };
        var stack = SeededStack(emulator, registrations, 500);
        var client = ClientFor(emulator, options =>
        {
            options.Retry.Delay = TimeSpan.FromMilliseconds(50);
            options.Pacing.Writes = new TokenBucketLimit(1000, 1000);
            options.Pacing.Reads = new TokenBucketLimit(1000, 1000);
        });

        var (result, store, ms) = await StackRun.UpAsync(client, stack, parallelism: 20, timeout.Token);

        Report(emulator, result, ms);
        Assert.Equal(0, result.Failed);
        var desired = stack.Expand().Resources.ToDictionary(r => r.Id, r => r.Properties[TenantRegistration.TenantIdProperty]);
        var held = emulator.Store.GetAllMappings().ToDictionary(m => ArmResourceId.Parse(m.Id), m => m.TenantId);
        var state = store.Current!.Resources.ToDictionary(r => r.Id, r => r.Properties[TenantRegistration.TenantIdProperty]);
        Assert.Equal(1000, desired.Count);
        Assert.Equal(desired.OrderBy(p => p.Key.ToString()), held.OrderBy(p => p.Key.ToString()));
        Assert.Equal(held.OrderBy(p => p.Key.ToString()), state.OrderBy(p => p.Key.ToString()));
        Assert.True(emulator.RequestLog.FaultCounts.Values.Sum() > 0, "the seed injected no fault");
    }

    [Fact]
    public async Task A_409_from_a_Capacity_registration_fails_only_its_own_steps_with_ARMs_code()
    {
        using var timeout = new CancellationTokenSource(Bound);
        await using var emulator = await ArmEmulator.ArmEmulator.StartAsync(new ArmEmulatorOptions(), timeout.Token);
        var west = StackRun.Registration("west", West);
        var capacity = StackRun.Registration("capacity", East, "azurestack-capacity");
        emulator.Store.SeedRegistration(West, StackRun.ResourceGroup, west.Name);
        emulator.Store.SeedRegistration(East, StackRun.ResourceGroup, capacity.Name, billingModel: "Capacity");
        var stack = StackRun.Stack([west, capacity], 10);

        var (result, _, ms) = await StackRun.UpAsync(ClientFor(emulator), stack, parallelism: 4, timeout.Token);

        Report(emulator, result, ms);
        Assert.Equal(10, result.Succeeded);
        Assert.Equal(10, result.Failed);
        var failures = result.Outcomes.Where(o => o.Status == StepStatus.Failed).ToList();
        Assert.All(failures, f => Assert.Contains("azurestack-capacity", f.Step.Id.ToString(), StringComparison.Ordinal));
        Assert.All(failures, f => Assert.Contains("409 CustomerSubscriptionsNotAllowed", f.Error!, StringComparison.Ordinal));
        Assert.Equal(10, emulator.RequestLog.CountOf("PUT", 409));
    }

    [Fact]
    public async Task Refreshing_3_registrations_of_2000_mappings_costs_one_list_request_per_page()
    {
        using var timeout = new CancellationTokenSource(Bound);
        const int PageSize = 100;
        await using var emulator = await ArmEmulator.ArmEmulator.StartAsync(new ArmEmulatorOptions { PageSize = PageSize }, timeout.Token);
        var subscriptions = new[] { West, East, "9a1b2c3d-0000-4000-8000-000000000003" };
        var parents = new List<ArmResourceId>();
        foreach (var (subscription, i) in subscriptions.Select((s, i) => (s, i)))
        {
            var registration = emulator.Store.SeedRegistration(subscription, StackRun.ResourceGroup, $"azurestack-{i}");
            emulator.Store.SeedMappings(subscription, StackRun.ResourceGroup, registration.Name,
                Enumerable.Range(0, 2000).Select(n => (System.Guid.NewGuid().ToString(), System.Guid.NewGuid().ToString())));
            parents.Add(ArmResourceId.Parse(registration.Id));
        }

        emulator.RequestLog.Clear();

        var refreshed = await Refresher.RefreshAsync(ClientFor(emulator), parents, TenantRegistration.ChildTypeSegment, TenantRegistration.ApiVersion,
            cancellationToken: timeout.Token);

        var expected = 3 * (int)Math.Ceiling(2000.0 / PageSize);
        output.WriteLine($"refresh read {refreshed.Resources.Length} mappings with {emulator.RequestLog.Count} requests (expected {expected})");
        Assert.Equal(6000, refreshed.Resources.Length);
        Assert.Equal(expected, emulator.RequestLog.Count);
        Assert.Equal(expected, emulator.RequestLog.Entries.Count(e => e.Method == "GET" && e.Path.EndsWith("/customerSubscriptions", StringComparison.OrdinalIgnoreCase)));
    }

    private static Config.StackDefinition SeededStack(ArmEmulator.ArmEmulator emulator, IReadOnlyList<Registration> registrations, int tenants)
    {
        foreach (var r in registrations)
        {
            emulator.Store.SeedRegistration(r.SubscriptionId, r.ResourceGroup, r.Name);
        }

        return StackRun.Stack(registrations, tenants);
    }

    private static AzureStackResourceClient ClientFor(ArmEmulator.ArmEmulator emulator, Action<AzureStackClientOptions>? configure = null)
    {
        var options = new AzureStackClientOptions(emulator.BaseUri) { TrustedServerCertificate = emulator.Certificate };
        configure?.Invoke(options);
        return new AzureStackResourceClient(new LocalEmulatorCredential(), options);
    }

    private void Report(ArmEmulator.ArmEmulator emulator, ExecutionResult result, long milliseconds)
    {
        var log = emulator.RequestLog;
        var faults = string.Join(", ", log.FaultCounts.OrderBy(f => f.Key).Select(f => $"{f.Key} {f.Value}"));
        var kinds = string.Join(", ", log.CountsByKind.OrderBy(k => k.Key.Kind).ThenBy(k => k.Key.StatusCode).Select(k => $"{k.Key.Kind}/{k.Key.StatusCode} {k.Value}"));
        output.WriteLine($"apply: {result.Succeeded} succeeded, {result.Failed} failed in {milliseconds} ms");
        output.WriteLine($"requests: {log.Count} ({kinds}); throttled 429: {log.ThrottledCount}; injected faults: {(faults.Length == 0 ? "none" : faults)}");
    }
}
