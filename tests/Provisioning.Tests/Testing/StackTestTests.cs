using Provisioning.Engine;
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
    public async Task A_tenant_mapped_elsewhere_by_no_stack_is_not_overwritten_the_run_is_refused_as_provision_up_refuses_it()
    {
        var provider = new InMemoryResourceProvider();
        var stray = West.Id.Child(TenantRegistration.ChildTypeSegment, "99999999-9999-4999-8999-999999999999");
        provider.Seed(new ObservedResource(stray, TenantRegistration.ArmType, Resource.PropertiesOf(("tenantId", ContosoTenant))));

        var result = await StackTest.RunAsync(SingleStamp(), provider: provider);

        // The PUT for the same tenant would silently remove a mapping no stack manages: the engine refuses, nothing is sent.
        Assert.Equal(RunOutcome.Refused, result.Outcome);
        Assert.Contains(result.Diagnostics, d => d.Code == "PRV140");
        Assert.Contains(provider.Resources, r => r.Id == stray);
        Assert.DoesNotContain(result.Calls, c => c.Method == "PUT");
    }

    [Fact]
    public async Task A_second_run_against_the_first_ones_state_deletes_what_the_stack_no_longer_declares()
    {
        var first = await StackTest.RunAsync(SingleStamp());
        var fewer = SingleStamp() with { Tenants = [.. SingleStamp().Tenants.Skip(1)] };

        var second = await StackTest.RunAsync(fewer, first.State);

        Assert.Equal(RunOutcome.Succeeded, second.Outcome);
        Assert.Equal(1, second.Plan.Count(StepKind.Delete));
        Assert.Equal(fewer.Expand().Resources.Count(), second.State.Resources.Count);
        Assert.Single(second.Calls, c => c.Method == "DELETE");
    }

    [Fact]
    public async Task Mocks_decide_what_the_provider_answers_and_a_refusal_shows_in_the_outcome()
    {
        var contoso = SingleStamp().Expand().Resources.First().Id;
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
        var provider = new InMemoryResourceProvider();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => StackTest.RunAsync(SingleStamp(), provider: provider, cancellationToken: cancel.Token));

        Assert.DoesNotContain(provider.Calls, c => c.Method == "PUT");
        Assert.Empty(provider.Resources);
    }
}
