using Provisioning.AzureStack;
using Provisioning.Config;
using Provisioning.Execution;
using Provisioning.Planning;
using Provisioning.State;

namespace Provisioning.Testing;

/// <summary>
/// Runs a stack the way <c>provision up</c> would, on an in-memory provider, so that a unit test
/// can check resource ids, URNs and the calls made, without Azure.
/// </summary>
public static class StackTest
{
    /// <summary>Expands, plans and applies the stack on a fresh in-memory provider (or the one given).</summary>
    public static async Task<StackTestResult> RunAsync(StackDefinition stack, IMocks? mocks = null, InMemoryResourceProvider? provider = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stack);
        provider ??= new InMemoryResourceProvider(mocks);
        var graph = TenantRegistration.Expand(stack);
        var actual = new List<ObservedResource>();
        foreach (var component in graph.Components)
        {
            var registration = stack.FindRegistration(component.Name)!;
            await foreach (var item in provider.ListAsync(registration.Id, TenantRegistration.ChildTypeSegment, TenantRegistration.ApiVersion, cancellationToken))
            {
                actual.Add(item);
            }
        }

        var plan = Planner.Plan(graph, [], actual);
        var store = new InMemoryStateStore();
        var execution = await new Executor(provider, store).ExecuteAsync(plan, Checkpoint.Empty(stack.Project, stack.Stack), null, cancellationToken);
        return new StackTestResult(graph, plan, execution, provider.Calls, provider);
    }

    /// <summary>Loads a stack from YAML texts (as in <c>Pulumi.yaml</c> and <c>Pulumi.&lt;stack&gt;.yaml</c>); throws with every diagnostic when invalid.</summary>
    public static StackDefinition Load(string projectYaml, string stackYaml, string stack)
    {
        var result = StackLoader.Parse("Pulumi.yaml", projectYaml, $"Pulumi.{stack}.yaml", stackYaml, stack);
        if (result.HasErrors)
        {
            throw new InvalidOperationException("The stack is invalid:" + Environment.NewLine + string.Join(Environment.NewLine, result.Diagnostics));
        }

        return result.Stack!;
    }
}
