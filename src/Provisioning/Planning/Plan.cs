using System.Collections.Immutable;

namespace Provisioning.Planning;

/// <summary>The steps that make the world match the desired state, in execution order, and why it may be refused.</summary>
public sealed record Plan(ImmutableArray<Step> Steps, ImmutableArray<string> Errors)
{
    /// <summary>True when a step would send a request or the state would change.</summary>
    public bool HasChanges => Steps.Any(s => s.Kind != StepKind.Same);

    /// <summary>Number of steps of the given kind.</summary>
    public int Count(StepKind kind) => Steps.Count(s => s.Kind == kind);
}
