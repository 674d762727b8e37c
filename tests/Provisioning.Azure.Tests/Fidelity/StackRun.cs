using Provisioning.Diagnostics;
using System.Diagnostics;
using Provisioning.AzureStack;
using Provisioning.Config;
using Provisioning.Execution;
using Provisioning.Planning;
using Provisioning.State;
using Provisioning.Testing;

namespace Provisioning.Azure.Tests.Fidelity;

/// <summary>Builds a stack of many mappings and runs refresh, plan and apply as <c>provision up</c> does, with the real Executor.</summary>
internal static class StackRun
{
    public const string ResourceGroup = "azurestack";

    /// <summary>A stack with <paramref name="tenants"/> tenants mapped on every registration, ids derived from the index.</summary>
    public static StackDefinition Stack(IReadOnlyList<Registration> registrations, int tenants)
    {
        var span = SourceSpan.WholeFile("Pulumi.load.yaml");
        var list = Enumerable.Range(0, tenants).Select(i => new Tenant(
            $"t{i}",
            Guid(0x7e000000 + i),
            [.. registrations.Select(r => new TenantMapping(r.Key, Guid(0x5c000000 + i), span))],
            Protect: false,
            RetainOnDelete: false,
            span)).ToList();
        return new StackDefinition("fidelity", "load", CloudSpec.Local, registrations, list);
    }

    public static Registration Registration(string key, string subscriptionId, string name = "azurestack-west") =>
        new(key, subscriptionId, ResourceGroup, name, SourceSpan.WholeFile("Pulumi.load.yaml"));

    /// <summary>Refreshes by listing, plans and applies; times the apply.</summary>
    public static async Task<(ExecutionResult Result, InMemoryStateStore Store, long Milliseconds)> UpAsync(
        IResourceProvider provider, StackDefinition stack, int parallelism, CancellationToken cancellationToken)
    {
        var graph = TenantRegistration.Expand(stack);
        var refreshed = await Refresher.RefreshAsync(provider, stack.Registrations.Select(r => r.Id), TenantRegistration.ChildTypeSegment,
            TenantRegistration.ApiVersion, cancellationToken: cancellationToken);
        var plan = Planner.Plan(graph, [], refreshed.Resources);
        var store = new InMemoryStateStore();
        var watch = Stopwatch.StartNew();
        var result = await new Executor(provider, store, new ExecutorOptions { Parallelism = parallelism })
            .ExecuteAsync(plan, Checkpoint.Empty(stack.Project, stack.Stack), null, cancellationToken);
        return (result, store, watch.ElapsedMilliseconds);
    }

    private static string Guid(int n) => $"{n:x8}-0000-4000-8000-{n:x12}";
}
