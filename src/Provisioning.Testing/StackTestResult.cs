using System.Collections.Immutable;
using Provisioning.Execution;
using Provisioning.Model;
using Provisioning.Engine;
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
    /// <summary>The state after the run: give it to the next <c>StackTest.RunAsync</c> to run against what this one left.</summary>
    public TestState State { get; init; } = null!;

    /// <summary>How the run ended: <see cref="RunOutcome.Refused"/> when a guard or a protected resource stopped it (nothing was sent).</summary>
    public RunOutcome Outcome { get; init; }

    /// <summary>Why the run was refused, each with its code; empty otherwise.</summary>
    public IReadOnlyList<Diagnostics.Diagnostic> Diagnostics { get; init; } = [];

    /// <summary>Every desired resource, in declaration order.</summary>
    public ImmutableArray<Resource> Resources => [.. Graph.Resources];

    /// <summary>The ARM ids of every desired resource, as strings.</summary>
    public ImmutableArray<string> Ids => [.. Graph.Resources.Select(r => r.Id.ToString())];

    /// <summary>The URNs of every component and resource, as strings.</summary>
    public ImmutableArray<string> Urns => [.. Graph.Components.SelectMany(c => c.Children.Select(r => r.Urn.Value).Prepend(c.Urn.Value))];
}
