using Provisioning.Diagnostics;
using System.Diagnostics;
using Provisioning.AzureStack;
using Provisioning.Config;
using Provisioning.Execution;
using Provisioning.Engine;
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

    /// <summary>Runs <c>up --yes</c> on the engine (refresh, plan, apply) with this client and an in-memory state; times the run.</summary>
    public static async Task<(ExecutionResult Result, InMemoryStateStore Store, long Milliseconds)> UpAsync(
        IResourceProvider provider, StackDefinition stack, int parallelism, CancellationToken cancellationToken)
    {
        var store = new InMemoryStateStore();
        var workspace = new Workspace(Path.GetTempPath(), new WorkspaceOptions
        {
            StackFiles = _ => new StackLoadResult(stack, []),
            Providers = new Connected(provider),
            StateBackend = new InMemory(store),
        });
        var watch = Stopwatch.StartNew();
        var run = await workspace.Stack(stack.Stack).UpAsync(new RunOptions { Yes = true, Parallelism = parallelism }, cancellationToken);
        return (run.Execution ?? throw new InvalidOperationException($"the up ended {run.Outcome} without applying: {string.Join("; ", run.Diagnostics)}"), store, watch.ElapsedMilliseconds);
    }

    private sealed class Connected(IResourceProvider provider) : IProviderFactory
    {
        public Task<ProviderConnection> ConnectAsync(StackDefinition stack, WorkFolder folder, CancellationToken cancellationToken) =>
            Task.FromResult(new ProviderConnection(provider, "the emulator"));
    }

    private sealed class InMemory(InMemoryStateStore store) : IStateBackend
    {
        public IStateStore Open(StackDefinition stack, WorkFolder folder) => store;
    }

    private static string Guid(int n) => $"{n:x8}-0000-4000-8000-{n:x12}";
}
