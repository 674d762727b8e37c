using System.Collections.Immutable;
using Provisioning.Model;

namespace Provisioning.Execution;

/// <summary>What a refresh found: every child listed, and the parents that do not exist (so they have no children).</summary>
public sealed record RefreshResult(ImmutableArray<ObservedResource> Resources, ImmutableArray<ArmResourceId> MissingParents)
{
    /// <summary>The children listed under each parent that was listed (a missing parent has none).</summary>
    public IReadOnlyDictionary<ArmResourceId, ImmutableArray<ObservedResource>> ByParent { get; init; } =
        ImmutableDictionary<ArmResourceId, ImmutableArray<ObservedResource>>.Empty;
}
