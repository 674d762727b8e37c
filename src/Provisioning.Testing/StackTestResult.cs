using System.Collections.Immutable;
using Provisioning.Execution;
using Provisioning.Model;
using Provisioning.Planning;

namespace Provisioning.Testing;

/// <summary>What a stack produced when run on the in-memory provider: its resources, the plan, the calls and the outcome.</summary>
public sealed record StackTestResult(
    ResourceGraph Graph,
    Plan Plan,
    ExecutionResult Execution,
    ImmutableArray<ProviderCall> Calls,
    InMemoryResourceProvider Provider)
{
    /// <summary>Every desired resource, in declaration order.</summary>
    public ImmutableArray<Resource> Resources => [.. Graph.Resources];

    /// <summary>The ARM ids of every desired resource, as strings.</summary>
    public ImmutableArray<string> Ids => [.. Graph.Resources.Select(r => r.Id.ToString())];

    /// <summary>The URNs of every component and resource, as strings.</summary>
    public ImmutableArray<string> Urns => [.. Graph.Components.SelectMany(c => c.Children.Select(r => r.Urn.Value).Prepend(c.Urn.Value))];
}
