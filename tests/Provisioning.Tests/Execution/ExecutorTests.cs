using Provisioning.Execution;
using Provisioning.Model;
using Provisioning.Planning;
using Provisioning.State;
using Provisioning.Testing;
using static Provisioning.Tests.AzureStack.SampleStacks;

namespace Provisioning.Tests.Execution;

public sealed class ExecutorTests
{
    private static readonly ResourceGraph Desired = MultiStamp().Expand();
    private static readonly Checkpoint Start = Checkpoint.Empty(Project, "prod");

    [Fact]
    public async Task Applying_a_plan_leaves_the_provider_and_the_state_holding_exactly_the_desired_mappings()
    {
        var provider = new InMemoryResourceProvider();
        var store = new InMemoryStateStore();
        var plan = Planner.Plan(Desired, [], null);

        var result = await new Executor(provider, store).ExecuteAsync(plan, Start);

        Assert.Equal(5, result.Succeeded);
        Assert.Equal(0, result.Failed);
        Assert.False(result.Cancelled);
        Assert.Equal(Summary(Desired.Resources), Summary(result.Checkpoint.Resources));
        Assert.Equal(Summary(Desired.Resources), Summary(store.Current!.Resources));
        Assert.Equal(Summary(Desired.Resources), Summary(provider.Resources));
        Assert.All(result.Checkpoint.Resources, r => Assert.Equal(Desired.Find(r.Id)!.Urn, r.Urn));
    }

    [Fact]
    public async Task A_second_plan_from_the_state_of_an_applied_one_has_no_changes()
    {
        var provider = new InMemoryResourceProvider();
        var first = await new Executor(provider, new InMemoryStateStore()).ExecuteAsync(Planner.Plan(Desired, [], null), Start);

        var withoutRefresh = Planner.Plan(Desired, first.Checkpoint.Resources, null);
        var withRefresh = Planner.Plan(Desired, first.Checkpoint.Resources, provider.Resources);

        Assert.False(withoutRefresh.HasChanges);
        Assert.False(withRefresh.HasChanges);
    }

    [Fact]
    public async Task Updates_and_deletes_are_sent_and_recorded()
    {
        var (provider, start) = await DeployedAsync();
        var desired = (MultiStamp() with
        {
            Tenants =
            [
                Tenant("contoso", TailspinTenant, ("west", ContosoSubscription), ("east", ContosoSubscription)),
                Tenant("fabrikam", FabrikamTenant, ("east", FabrikamSubscription), ("north", FabrikamNorthSubscription)),
            ],
        }).Expand();
        var plan = Planner.Plan(desired, start.Resources, null);

        var result = await new Executor(provider, new InMemoryStateStore()).ExecuteAsync(plan, start);

        Assert.Equal(2, plan.Count(StepKind.Update));
        Assert.Equal(1, plan.Count(StepKind.Delete));
        Assert.Equal(Summary(desired.Resources), Summary(result.Checkpoint.Resources));
        Assert.Equal(Summary(desired.Resources), Summary(provider.Resources));
    }

    [Fact]
    public async Task A_refused_put_fails_only_its_own_step_and_stays_out_of_the_state()
    {
        var refused = Desired.Resources.Single(r => r.Urn.Name == "east-fabrikam");
        var mocks = new FailingMocks(() => new ResourceProviderException("The subscription is disabled.", 409, "SubscriptionNotRegistered", "req-1"), refused.Id);
        var provider = new InMemoryResourceProvider(mocks);
        var store = new InMemoryStateStore();

        var result = await new Executor(provider, store).ExecuteAsync(Planner.Plan(Desired, [], null), Start);

        var failed = Assert.Single(result.Outcomes, o => o.Status == StepStatus.Failed);
        Assert.Equal(refused.Id, failed.Step.Id);
        Assert.Equal("The subscription is disabled.", failed.Error);
        Assert.Equal(4, result.Succeeded);
        var expected = Summary(Desired.Resources.Where(r => r != refused));
        Assert.Equal(expected, Summary(result.Checkpoint.Resources));
        Assert.Equal(expected, Summary(store.Current!.Resources));
        Assert.Equal(expected, Summary(provider.Resources));
    }

    [Fact]
    public async Task A_request_that_times_out_fails_its_step_without_stopping_the_run()
    {
        var slow = Desired.Resources.Single(r => r.Urn.Name == "west-contoso");
        var mocks = new FailingMocks(() => new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout."), slow.Id);

        var result = await new Executor(new InMemoryResourceProvider(mocks), new InMemoryStateStore()).ExecuteAsync(Planner.Plan(Desired, [], null), Start);

        Assert.False(result.Cancelled);
        Assert.Equal(slow.Id, Assert.Single(result.Outcomes, o => o.Status == StepStatus.Failed).Step.Id);
        Assert.Equal(4, result.Succeeded);
        Assert.Equal(4, result.Checkpoint.Resources.Length);
    }

    [Fact]
    public async Task A_tenant_whose_new_mapping_fails_keeps_its_old_one()
    {
        var (provider, start) = await DeployedAsync();
        var moved = (MultiStamp() with
        {
            Tenants =
            [
                Tenant("contoso", ContosoTenant, ("west", "12121212-0000-4000-8000-000000000012"), ("east", ContosoSubscription)),
                Tenant("fabrikam", FabrikamTenant, ("east", FabrikamSubscription), ("north", FabrikamNorthSubscription)),
                Tenant("tailspin", TailspinTenant, ("north", TailspinSubscription)),
            ],
        }).Expand();
        var newMapping = moved.Resources.Single(r => r.Urn.Name == "west-contoso").Id;
        var oldMapping = Desired.Resources.Single(r => r.Urn.Name == "west-contoso").Id;
        var failing = new FailingProvider(provider, newMapping);
        var plan = Planner.Plan(moved, start.Resources, null);

        var result = await new Executor(failing, new InMemoryStateStore()).ExecuteAsync(plan, start);

        Assert.Equal([StepKind.Create, StepKind.Delete], result.Outcomes.Where(o => o.Status == StepStatus.Failed).Select(o => o.Step.Kind).Order());
        Assert.Contains(newMapping.ToString(), result.Outcomes.Single(o => o.Step.Kind == StepKind.Delete).Error, StringComparison.Ordinal);
        Assert.DoesNotContain(provider.Calls, c => c.Method == "DELETE");
        Assert.Contains(provider.Resources, r => r.Id == oldMapping);
        Assert.Contains(result.Checkpoint.Resources, r => r.Id == oldMapping);
    }

    [Fact]
    public async Task A_tenant_that_moves_subscription_ends_up_mapped_only_to_the_new_one()
    {
        var (provider, start) = await DeployedAsync();
        var moved = (MultiStamp() with
        {
            Tenants =
            [
                Tenant("contoso", ContosoTenant, ("west", "12121212-0000-4000-8000-000000000012"), ("east", ContosoSubscription)),
                Tenant("fabrikam", FabrikamTenant, ("east", FabrikamSubscription), ("north", FabrikamNorthSubscription)),
                Tenant("tailspin", TailspinTenant, ("north", TailspinSubscription)),
            ],
        }).Expand();

        var result = await new Executor(provider, new InMemoryStateStore()).ExecuteAsync(Planner.Plan(moved, start.Resources, null), start);

        Assert.Equal(["PUT", "DELETE"], provider.Calls.Skip(5).Select(c => c.Method));
        Assert.Equal(Summary(moved.Resources), Summary(provider.Resources));
        Assert.Equal(Summary(moved.Resources), Summary(result.Checkpoint.Resources));
    }

    [Fact]
    public async Task A_run_cancelled_before_it_starts_skips_every_step_and_changes_nothing()
    {
        var (provider, start) = await DeployedAsync();
        var desired = (MultiStamp() with
        {
            Tenants = [Tenant("contoso", ContosoTenant, ("west", ContosoSubscription)) with { RetainOnDelete = true }],
        }).Expand();
        var retained = start.Resources.Select(r => r with { Options = new ResourceOptions(RetainOnDelete: r.Urn.Name == "east-contoso") }).ToList();
        var plan = Planner.Plan(desired, retained, null);
        var store = new InMemoryStateStore();
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        var result = await new Executor(provider, store).ExecuteAsync(plan, start with { Resources = [.. retained] }, cancellationToken: cancel.Token);

        Assert.True(result.Cancelled);
        Assert.Contains(plan.Steps, s => s.Kind == StepKind.Forget);
        Assert.Equal(plan.Steps.Length, result.Outcomes.Length);
        Assert.All(result.Outcomes, o => Assert.Equal(StepStatus.Skipped, o.Status));
        Assert.Equal(5, provider.Calls.Count(c => c.Method == "PUT"));
        Assert.Equal(0, store.Writes);
        Assert.Equal(5, result.Checkpoint.Resources.Length);
    }

    [Fact]
    public async Task A_run_cancelled_midway_finishes_the_request_in_flight_and_skips_the_rest()
    {
        using var cancel = new CancellationTokenSource();
        var provider = new InMemoryResourceProvider(new CancellingMocks(cancel));
        var store = new InMemoryStateStore();
        var plan = Planner.Plan(Desired, [], null);

        var result = await new Executor(provider, store, new ExecutorOptions { Parallelism = 1 }).ExecuteAsync(plan, Start, cancellationToken: cancel.Token);

        Assert.True(result.Cancelled);
        var done = Assert.Single(result.Outcomes, o => o.Status == StepStatus.Succeeded);
        Assert.Equal(4, result.Outcomes.Count(o => o.Status == StepStatus.Skipped));
        Assert.Equal(done.Step.Id, Assert.Single(store.Current!.Resources).Id);
        Assert.Single(provider.Calls, c => c.Method == "PUT");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task No_more_requests_are_in_flight_than_the_parallelism_allows(int parallelism)
    {
        var stack = ManyTenants(12);
        var desired = stack.Expand();
        var inner = new InMemoryResourceProvider();
        var puts = new ConcurrencyProbe(inner, parallelism, 12);
        var executor = new Executor(puts, new InMemoryStateStore(), new ExecutorOptions { Parallelism = parallelism });

        var applied = await executor.ExecuteAsync(Planner.Plan(desired, [], null), Checkpoint.Empty(Project, "many"));
        var deletes = new ConcurrencyProbe(inner, parallelism, 12);
        var destroyed = await new Executor(deletes, new InMemoryStateStore(), new ExecutorOptions { Parallelism = parallelism })
            .ExecuteAsync(Planner.Plan(desired, applied.Checkpoint.Resources, null, PlanMode.Destroy), applied.Checkpoint);

        Assert.Equal(12, applied.Succeeded);
        Assert.Equal(parallelism, puts.MaxInFlight);
        Assert.Equal(12, destroyed.Succeeded);
        Assert.Equal(parallelism, deletes.MaxInFlight);
        Assert.Empty(inner.Resources);
    }

    [Fact]
    public async Task Every_finished_step_is_written_to_the_state_store_before_the_next_one()
    {
        var store = new RecordingStateStore();
        var plan = Planner.Plan(Desired, [], null);

        var result = await new Executor(new InMemoryResourceProvider(), store, new ExecutorOptions { Parallelism = 1 }).ExecuteAsync(plan, Start);

        Assert.Equal([1, 2, 3, 4, 5], store.Written.Select(c => c.Resources.Length));
        Assert.Equal(Summary(result.Checkpoint.Resources), Summary(store.Written[^1].Resources));
    }

    [Fact]
    public async Task The_state_store_ends_up_holding_every_resource_of_a_parallel_run()
    {
        var store = new InMemoryStateStore();
        var desired = ManyTenants(30).Expand();

        await new Executor(new InMemoryResourceProvider(), store).ExecuteAsync(Planner.Plan(desired, [], null), Checkpoint.Empty(Project, "many"));

        Assert.True(store.Writes > 0);
        Assert.Equal(Summary(desired.Resources), Summary(store.Current!.Resources));
    }

    [Fact]
    public async Task Steps_without_requests_are_recorded_and_reported_as_succeeded()
    {
        var (provider, start) = await DeployedAsync();
        var desired = (MultiStamp() with
        {
            Tenants = [Tenant("tailspin", TailspinTenant, ("north", TailspinSubscription))],
        }).Expand();
        var retained = start.Resources.Select(r => r with { Options = new ResourceOptions(RetainOnDelete: true) }).ToList();
        var plan = Planner.Plan(desired, retained, null);

        var result = await new Executor(provider, new InMemoryStateStore()).ExecuteAsync(plan, start with { Resources = [.. retained] });

        Assert.Equal(4, plan.Count(StepKind.Forget));
        Assert.Equal(5, result.Succeeded);
        Assert.Single(result.Checkpoint.Resources);
        Assert.Equal(5, provider.Resources.Length);
        Assert.DoesNotContain(provider.Calls, c => c.Method == "DELETE");
    }

    [Fact]
    public async Task Progress_reports_each_request_as_started_before_it_finishes()
    {
        var progress = new CollectingProgress();

        await new Executor(new InMemoryResourceProvider(), new InMemoryStateStore()).ExecuteAsync(Planner.Plan(Desired, [], null), Start, progress);

        foreach (var resource in Desired.Resources)
        {
            var events = progress.Events.Where(e => e.Step.Id == resource.Id).Select(e => e.Status);
            Assert.Equal([StepStatus.Started, StepStatus.Succeeded], events);
        }
    }

    [Fact]
    public async Task A_plan_with_errors_is_refused_before_any_request()
    {
        var plan = Planner.Plan(Desired, [], null) with { Errors = ["protected"] };
        var provider = new InMemoryResourceProvider();

        await Assert.ThrowsAsync<InvalidOperationException>(() => new Executor(provider, new InMemoryStateStore()).ExecuteAsync(plan, Start));

        Assert.Empty(provider.Calls);
    }

    /// <summary>The multi-stamp stack, applied: the provider and the checkpoint both hold its five mappings.</summary>
    private static async Task<(InMemoryResourceProvider Provider, Checkpoint State)> DeployedAsync()
    {
        var provider = new InMemoryResourceProvider();
        var result = await new Executor(provider, new InMemoryStateStore()).ExecuteAsync(Planner.Plan(Desired, [], null), Start);
        Assert.Equal(5, result.Succeeded);
        return (provider, result.Checkpoint);
    }

    private static Provisioning.Config.StackDefinition ManyTenants(int count) => SingleStamp("many") with
    {
        Tenants = [.. Enumerable.Range(1, count).Select(i => Tenant($"t{i}", $"{i:D8}-0000-4000-8000-000000000000", ("west", $"{i:D8}-1111-4111-8111-111111111111")))],
    };

    /// <summary>Ids and tenant ids, in id order: what must agree between the desired graph, the state and the provider.</summary>
    private static List<(string Id, string TenantId)> Summary(IEnumerable<Resource> resources) =>
        Sorted(resources.Select(r => (r.Id.ToString(), r.Properties["tenantId"])));

    private static List<(string Id, string TenantId)> Summary(IEnumerable<ResourceState> resources) =>
        Sorted(resources.Select(r => (r.Id.ToString(), r.Properties["tenantId"])));

    private static List<(string Id, string TenantId)> Summary(IEnumerable<ObservedResource> resources) =>
        Sorted(resources.Select(r => (r.Id.ToString(), r.Properties["tenantId"])));

    private static List<(string Id, string TenantId)> Sorted(IEnumerable<(string Id, string TenantId)> items) =>
        [.. items.OrderBy(i => i.Id, StringComparer.OrdinalIgnoreCase)];

    /// <summary>Echoes every PUT, and cancels the run while the first one is in flight.</summary>
    private sealed class CancellingMocks(CancellationTokenSource cancel) : IMocks
    {
        public async Task<ObservedResource> NewResourceAsync(Resource resource, CancellationToken cancellationToken)
        {
            await cancel.CancelAsync();
            return await EchoMocks.Instance.NewResourceAsync(resource, cancellationToken);
        }
    }
}
