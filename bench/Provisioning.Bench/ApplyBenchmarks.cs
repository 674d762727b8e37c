using Provisioning.Diagnostics;
using System.Diagnostics;
using System.Globalization;
using Provisioning.ArmEmulator;
using Provisioning.Azure;
using Provisioning.Azure.Pacing;
using Provisioning.AzureStack;
using Provisioning.Config;
using Provisioning.Engine;
using Provisioning.Planning;
using Emulator = Provisioning.ArmEmulator.ArmEmulator;

namespace Provisioning.Bench;

/// <summary>
/// P2 (a throttled apply against ARM's token bucket, scaled down) and P4 (fan-out over registration subscriptions,
/// each with its own bucket): the executor and the ARM client in-process against the emulator on loopback HTTPS.
/// </summary>
internal static class ApplyBenchmarks
{
    /// <summary>How the writes are sent.</summary>
    public enum Strategy
    {
        /// <summary>The executor (parallelism 20, as the CLI's default) with client-side pacing.</summary>
        Paced,

        /// <summary>One PUT after another, pacing off, retries on 429 only (the PowerShell way).</summary>
        Sequential,

        /// <summary>The executor with a fixed parallelism of 8, pacing off, retries on 429 only (Pulumi's default on 2 cores).</summary>
        Parallel8,
    }

    public static async Task<IReadOnlyList<BenchRow>> ThrottledApplyAsync(BenchSettings settings, CancellationToken cancellationToken = default)
    {
        var rows = new List<BenchRow>();
        var ideal = settings.IdealWriteTime(settings.ApplyWrites);
        foreach (var strategy in Enum.GetValues<Strategy>())
        {
            var run = await ApplyAsync(settings, strategy, subscriptions: 1, settings.ApplyWrites, cancellationToken);
            var figure = ideal / run.Elapsed;
            var throttledShare = run.Requests == 0 ? 0 : (double)run.Throttled / run.Requests;
            var met = strategy == Strategy.Paced ? figure >= 0.95 && run.Failed == 0 && throttledShare <= 0.01 : (bool?)null;
            rows.Add(new BenchRow(
                "P2",
                $"up of {settings.ApplyWrites:N0} writes, {Describe(strategy)}: ideal ÷ measured",
                figure,
                "×",
                strategy == Strategy.Paced ? "≥ 0.95, 0 failed, ≤ 1 % 429" : "",
                met,
                string.Create(CultureInfo.InvariantCulture,
                    $"bucket {settings.Bucket} refill {settings.Refill}/s: ideal {ideal.TotalSeconds:F1} s, measured {run.Elapsed.TotalSeconds:F1} s; {run.Failed} failed; {run.Throttled} of {run.Requests} requests 429 ({throttledShare:P1})")));
        }

        return rows;
    }

    public static async Task<IReadOnlyList<BenchRow>> FanOutAsync(BenchSettings settings, CancellationToken cancellationToken = default)
    {
        var throughputs = new List<(int K, double PerSecond, ApplyRun Run)>();
        foreach (var k in settings.FanOut)
        {
            var run = await ApplyAsync(settings, Strategy.Paced, k, settings.FanOutWrites, cancellationToken);
            throughputs.Add((k, k * settings.FanOutWrites / run.Elapsed.TotalSeconds, run));
        }

        var one = throughputs[0].PerSecond / throughputs[0].K;
        return [.. throughputs.Select(t =>
        {
            var ratio = t.PerSecond / one;
            return new BenchRow(
                "P4",
                $"fan-out k = {t.K}: throughput ÷ one subscription's",
                ratio,
                "×",
                string.Create(CultureInfo.InvariantCulture, $"≥ {0.9 * t.K:0.0}"),
                ratio >= 0.9 * t.K,
                string.Create(CultureInfo.InvariantCulture,
                    $"{t.K} × {settings.FanOutWrites} writes in {t.Run.Elapsed.TotalSeconds:F2} s = {t.PerSecond:F0}/s; {t.Run.Failed} failed; {t.Run.Throttled} of {t.Run.Requests} requests 429"));
        })];
    }

    private static string Describe(Strategy strategy) => strategy switch
    {
        Strategy.Paced => "executor + pacing (ours)",
        Strategy.Sequential => "sequential PUTs, retry only",
        _ => "parallelism 8, retry only",
    };

    private static async Task<ApplyRun> ApplyAsync(BenchSettings settings, Strategy strategy, int subscriptions, int writesPerSubscription, CancellationToken cancellationToken)
    {
        var emulatorOptions = new ArmEmulatorOptions
        {
            SaveInterval = TimeSpan.Zero,
            Throttling = { Writes = new TokenBucketOptions(settings.Bucket, settings.Refill) },
        };
        await using var emulator = await Emulator.StartAsync(emulatorOptions, cancellationToken);
        var stack = CreateStack(subscriptions, writesPerSubscription);
        foreach (var registration in stack.Registrations)
        {
            emulator.Store.SeedRegistration(registration.SubscriptionId, registration.ResourceGroup, registration.Name);
        }

        var clientOptions = new AzureStackClientOptions(emulator.BaseUri)
        {
            TrustedServerCertificate = emulator.Certificate,
            Pacing = new PacingOptions
            {
                Enabled = strategy == Strategy.Paced,
                Writes = new TokenBucketLimit(settings.Bucket, settings.Refill),
            },
        };
        var client = new AzureStackResourceClient(new LocalEmulatorCredential(), clientOptions);
        var directory = Directory.CreateTempSubdirectory("provision-bench-").FullName;
        try
        {
            emulator.RequestLog.Clear();
            var timer = Stopwatch.StartNew();
            var failed = strategy switch
            {
                Strategy.Sequential => await PutOneByOneAsync(client, Planner.Plan(stack.Expand(), [], null)),
                _ => await UpAsync(client, stack, directory, strategy == Strategy.Parallel8 ? 8 : 20, cancellationToken),
            };
            timer.Stop();
            return new ApplyRun(timer.Elapsed, failed, emulator.RequestLog.Count, emulator.RequestLog.ThrottledCount);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>
    /// <c>provision up --yes --refresh=false</c> on the engine (the state in a file under <paramref name="directory"/>):
    /// the apply the CLI does, without the list before it, so that only writes are timed. Returns the failed steps.
    /// </summary>
    private static async Task<int> UpAsync(AzureStackResourceClient client, StackDefinition stack, string directory, int parallelism, CancellationToken cancellationToken)
    {
        var workspace = new Workspace(directory, new WorkspaceOptions
        {
            StackFiles = _ => new StackLoadResult(stack, []),
            Providers = new Connected(client),
        });
        var run = await workspace.Stack(stack.Stack).UpAsync(new RunOptions { Yes = true, Refresh = false, Parallelism = parallelism }, cancellationToken);
        return run.Execution?.Failed ?? throw new InvalidOperationException($"the up ended {run.Outcome} without applying: {string.Join("; ", run.Diagnostics)}");
    }

    private sealed class Connected(AzureStackResourceClient client) : IProviderFactory
    {
        public Task<ProviderConnection> ConnectAsync(StackDefinition stack, WorkFolder folder, CancellationToken cancellationToken) =>
            Task.FromResult(new ProviderConnection(client, "the emulator"));
    }

    private static async Task<int> PutOneByOneAsync(AzureStackResourceClient client, Plan plan)
    {
        var failed = 0;
        foreach (var step in plan.Steps.Where(s => s.IsChange))
        {
            try
            {
                await client.PutAsync(step.Desired!.Id, step.Desired.ApiVersion, step.Desired.Properties);
            }
            catch (ArmRequestException)
            {
                failed++;
            }
        }

        return failed;
    }

    /// <summary>A stack of <paramref name="subscriptions"/> registrations, each in its own subscription, with <paramref name="tenants"/> tenants on every one.</summary>
    public static StackDefinition CreateStack(int subscriptions, int tenants)
    {
        var span = new SourceSpan("bench.yaml", 1, 1);
        var registrations = Enumerable.Range(0, subscriptions)
            .Select(r => new Registration($"r{r}", ScaleProject.RegistrationSubscription(r), "azurestack", ScaleProject.RegistrationName(r), span))
            .ToList();
        var all = Enumerable.Range(0, tenants)
            .Select(t => new Tenant(
                $"t{t}",
                ScaleProject.TenantId(t),
                [.. registrations.Select(r => new TenantMapping(r.Key, ScaleProject.TenantSubscription(t), span))],
                Protect: false,
                RetainOnDelete: false,
                span))
            .ToList();
        return new StackDefinition("bench", "apply", CloudSpec.Local, registrations, all);
    }

    private sealed record ApplyRun(TimeSpan Elapsed, int Failed, int Requests, int Throttled);
}
