using Provisioning.AzureStack;
using Provisioning.Execution;
using Provisioning.Model;
using Provisioning.Planning;
using Provisioning.Testing;
using Provisioning.Tests.Execution;
using static Provisioning.Tests.AzureStack.SampleStacks;

namespace Provisioning.Tests.Testing;

public sealed class StackTestTests
{
    [Fact]
    public async Task Running_a_stack_on_a_provider_that_already_holds_it_sends_no_put()
    {
        var provider = new InMemoryResourceProvider();
        await StackTest.RunAsync(SingleStamp(), provider: provider);

        var second = await StackTest.RunAsync(SingleStamp(), provider: provider);

        Assert.All(second.Plan.Steps, s => Assert.Equal(StepKind.Adopt, s.Kind));
        Assert.All(second.Plan.Steps, s => Assert.Contains("adopted", s.Note, StringComparison.Ordinal));
        Assert.Equal(3, provider.Calls.Count(c => c.Method == "PUT"));
        Assert.Equal(3, second.Execution.Checkpoint.Resources.Length);
    }

    [Fact]
    public async Task A_tenant_mapped_elsewhere_before_the_run_ends_up_mapped_only_where_the_stack_says()
    {
        var provider = new InMemoryResourceProvider();
        var stray = West.Id.Child(TenantRegistration.ChildTypeSegment, "99999999-9999-4999-8999-999999999999");
        provider.Seed(new ObservedResource(stray, TenantRegistration.ArmType, Resource.PropertiesOf(("tenantId", ContosoTenant))));

        var result = await StackTest.RunAsync(SingleStamp(), provider: provider);

        Assert.Equal(3, result.Plan.Count(StepKind.Create));
        Assert.DoesNotContain(provider.Resources, r => r.Id == stray);
        Assert.Equal(result.Ids.Order(StringComparer.Ordinal), provider.Resources.Select(r => r.Id.ToString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Mocks_decide_what_the_provider_answers_and_a_refusal_shows_in_the_outcome()
    {
        var contoso = TenantRegistration.Expand(SingleStamp()).Resources.First().Id;
        var mocks = new FailingMocks(() => new ResourceProviderException("Quota exceeded.", 409, "QuotaExceeded"), contoso);

        var result = await StackTest.RunAsync(SingleStamp(), mocks);

        Assert.Equal(1, result.Execution.Failed);
        Assert.Equal("Quota exceeded.", result.Execution.Outcomes.Single(o => o.Status == StepStatus.Failed).Error);
        Assert.Equal(2, result.Provider.Resources.Length);
        Assert.Equal(3, result.Calls.Count(c => c.Method == "PUT"));
    }

    [Fact]
    public async Task Cancelling_the_run_before_it_starts_sends_no_put_and_says_it_was_cancelled()
    {
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        var result = await StackTest.RunAsync(SingleStamp(), cancellationToken: cancel.Token);

        Assert.True(result.Execution.Cancelled);
        Assert.All(result.Execution.Outcomes, o => Assert.Equal(StepStatus.Skipped, o.Status));
        Assert.DoesNotContain(result.Calls, c => c.Method == "PUT");
        Assert.Empty(result.Provider.Resources);
    }
}
