using System.Collections.Immutable;
using Provisioning.Execution;
using Provisioning.Model;
using Provisioning.Planning;
using Provisioning.State;
using Provisioning.Testing;
using static Provisioning.Tests.AzureStack.SampleStacks;

namespace Provisioning.Tests.Execution;

/// <summary>What a cancelled run does: nothing new starts, requests in flight get a bounded drain, every finished step is recorded.</summary>
public sealed class ExecutorCancellationTests : IDisposable
{
    private static readonly ResourceGraph Desired = MultiStamp().Expand();
    private static readonly Checkpoint Start = Checkpoint.Empty(Project, "prod");
    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("provision-executor-");

    public void Dispose() => _temp.Delete(recursive: true);

    [Fact]
    public void The_drain_bound_defaults_to_thirty_seconds()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), new ExecutorOptions().DrainTimeout);
    }

    [Fact]
    public async Task A_request_still_in_flight_at_the_drain_bound_is_abandoned_and_its_intent_stays_pending()
    {
        using var cancel = new CancellationTokenSource();
        var provider = new HangingProvider(cancel);
        var store = new LocalFileStateStore(Path.Combine(_temp.FullName, "prod.json"));
        var progress = new CollectingProgress();
        var plan = Planner.Plan(Desired, [], null);

        var result = await new Executor(provider, store, new ExecutorOptions { Parallelism = 1, DrainTimeout = TimeSpan.Zero })
            .ExecuteAsync(plan, Start, progress, cancel.Token);

        Assert.True(result.Cancelled);
        var interrupted = Assert.Single(result.Outcomes, o => o.Status == StepStatus.Failed);
        Assert.StartsWith(Executor.InterruptedMessage, interrupted.Error, StringComparison.Ordinal);
        Assert.Equal(1, result.Interrupted);
        Assert.Equal(4, result.NotStarted);
        Assert.Equal(1, provider.Puts);
        Assert.Empty(result.Checkpoint.Resources);

        // The next run learns of the request that may have taken effect from the pending intent.
        var pending = Assert.Single(result.Checkpoint.Pending);
        Assert.Equal(interrupted.Step.Id, pending.Resource.Id);
        var reread = await store.ReadAsync();
        Assert.Equal(interrupted.Step.Id, Assert.Single(reread!.Pending).Resource.Id);

        // A progress display counting finished requests never reaches the total on a cancelled run.
        Assert.True(progress.Events.Count(e => e.IsFinishedRequest && e.Status == StepStatus.Succeeded) < plan.Steps.Count(s => s.IsChange));
    }

    [Fact]
    public async Task A_cancelled_run_reports_every_step_once_as_done_or_not_started()
    {
        using var cancel = new CancellationTokenSource();
        var provider = new InMemoryResourceProvider(new CancelOnSecondPut(cancel));
        var plan = Planner.Plan(Desired, [], null);

        var result = await new Executor(provider, new InMemoryStateStore(), new ExecutorOptions { Parallelism = 1 }).ExecuteAsync(plan, Start, cancellationToken: cancel.Token);

        Assert.True(result.Cancelled);
        Assert.Equal(plan.Steps.Length, result.Outcomes.Length);
        Assert.Equal(plan.Steps.Select(s => s.Id.ToString()).Order(StringComparer.Ordinal), result.Outcomes.Select(o => o.Step.Id.ToString()).Order(StringComparer.Ordinal));
        Assert.Equal(2, result.Succeeded);
        Assert.Equal(3, result.NotStarted);
        Assert.Equal(2, result.Checkpoint.Resources.Length);
        Assert.Equal(2, provider.Calls.Count(c => c.Method == "PUT"));
    }

    [Fact]
    public async Task Deletes_are_not_started_when_the_run_is_cancelled_during_the_puts()
    {
        var provider = new InMemoryResourceProvider();
        var first = await new Executor(provider, new InMemoryStateStore()).ExecuteAsync(Planner.Plan(Desired, [], null), Start);
        var moved = (MultiStamp() with
        {
            Tenants = [Tenant("contoso", ContosoTenant, ("west", "12121212-1212-4212-8212-121212121212"))],
        }).Expand();
        var plan = Planner.Plan(moved, first.Checkpoint.Resources, null);
        using var cancel = new CancellationTokenSource();
        var cancelling = new InMemoryResourceProvider(new CancelOnSecondPut(cancel, after: 0));
        foreach (var r in provider.Resources)
        {
            cancelling.Seed(r);
        }

        var result = await new Executor(cancelling, new InMemoryStateStore()).ExecuteAsync(plan, first.Checkpoint, cancellationToken: cancel.Token);

        Assert.True(result.Cancelled);
        Assert.All(result.Outcomes.Where(o => o.Step.Kind == StepKind.Delete), o => Assert.Equal(StepStatus.Skipped, o.Status));
        Assert.DoesNotContain(cancelling.Calls, c => c.Method == "DELETE");
        Assert.Equal(6, result.Checkpoint.Resources.Length);
    }

    [Fact]
    public async Task An_adopt_step_is_recorded_as_azure_spells_it_without_any_request()
    {
        var provider = new InMemoryResourceProvider();
        foreach (var r in Desired.Resources)
        {
            provider.Seed(new ObservedResource(ArmResourceId.Parse(r.Id.ToString().ToUpperInvariant()), r.Type, r.Properties));
        }

        var actual = provider.Resources;
        var plan = Planner.Plan(Desired, [], actual);

        var result = await new Executor(provider, new InMemoryStateStore()).ExecuteAsync(plan, Start);

        Assert.All(plan.Steps, s => Assert.Equal(StepKind.Adopt, s.Kind));
        Assert.DoesNotContain(provider.Calls, c => c.Method is "PUT" or "DELETE");
        Assert.Equal(5, result.Checkpoint.Resources.Length);
        Assert.All(result.Checkpoint.Resources, r => Assert.Equal(r.Id.ToString().ToUpperInvariant(), r.Id.ToString()));
        Assert.All(result.Checkpoint.Resources, r => Assert.Equal(Desired.Find(r.Id)!.Urn, r.Urn));
        Assert.False(Planner.Plan(Desired, result.Checkpoint.Resources, actual).HasChanges);
    }

    /// <summary>Cancels the run when its first PUT starts, then never answers until the request's own token is cancelled.</summary>
    private sealed class HangingProvider(CancellationTokenSource cancel) : IResourceProvider
    {
        public int Puts { get; private set; }

        public async Task<ObservedResource> PutAsync(ArmResourceId id, string apiVersion, ImmutableSortedDictionary<string, string> properties, CancellationToken cancellationToken = default)
        {
            Puts++;
            await cancel.CancelAsync();
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            throw new InvalidOperationException("not reached");
        }

        public Task DeleteAsync(ArmResourceId id, string apiVersion, CancellationToken cancellationToken = default) => throw new InvalidOperationException("no delete expected");

        public Task<ObservedResource?> GetAsync(ArmResourceId id, string apiVersion, CancellationToken cancellationToken = default) => Task.FromResult<ObservedResource?>(null);

        public IAsyncEnumerable<ObservedResource> ListAsync(ArmResourceId parent, string childType, string apiVersion, CancellationToken cancellationToken = default) =>
            AsyncEnumerable.Empty<ObservedResource>();
    }

    /// <summary>Echoes every PUT and cancels the run while PUT number <c>after + 1</c> is in flight (default: the second).</summary>
    private sealed class CancelOnSecondPut(CancellationTokenSource cancel, int after = 1) : IMocks
    {
        private int _puts;

        public async Task<ObservedResource> NewResourceAsync(Resource resource, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _puts) > after)
            {
                await cancel.CancelAsync();
            }

            return await EchoMocks.Instance.NewResourceAsync(resource, cancellationToken);
        }
    }
}
