using System.Collections.Immutable;
using Provisioning.Execution;
using Provisioning.Model;
using Provisioning.Planning;

namespace Provisioning.Tests.Execution;

/// <summary>The executor spreads its workers over subscriptions, each of which ARM throttles on its own.</summary>
public sealed class ExecutorInterleaveTests
{
    [Fact]
    public void Steps_are_taken_round_robin_over_subscriptions_keeping_each_subscriptions_order()
    {
        List<Step> steps = [Put("a", 1), Put("a", 2), Put("a", 3), Put("b", 1), Put("c", 1), Put("c", 2)];

        var order = Executor.Interleave(steps).Select(s => $"{s.Id.SubscriptionId}{s.Id.Name}");

        Assert.Equal(["a1", "b1", "c1", "a2", "c2", "a3"], order);
    }

    [Fact]
    public void Steps_of_one_subscription_keep_the_plans_order()
    {
        List<Step> steps = [Put("a", 2), Put("a", 1), Put("A", 3)];

        Assert.Same(steps, Executor.Interleave(steps));
    }

    private static Step Put(string subscription, int n)
    {
        var id = ArmResourceId.Parse($"/subscriptions/{subscription}/resourceGroups/g/providers/Microsoft.AzureStack/registrations/r/customerSubscriptions/{n}");
        var urn = Urn.Create("s", "p", "t", $"{subscription}{n}");
        var resource = new Resource(urn, id, "Microsoft.AzureStack/registrations/customerSubscriptions", "2017-06-01", Resource.PropertiesOf(("tenantId", "x")), null, ResourceOptions.None);
        return new Step(StepKind.Create, urn, id, resource, null, ImmutableArray<PropertyDiff>.Empty);
    }
}
