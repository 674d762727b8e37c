using System.Collections.Immutable;
using Provisioning.Model;
using Provisioning.State;

namespace Provisioning.Planning;

/// <summary>
/// One planned change to one resource. <see cref="Desired"/> is null for deletes and forgets;
/// <see cref="Current"/> is what exists now (refreshed, or as recorded), null for creates.
/// <see cref="Pruned"/> marks a delete of a resource that no stack manages (<c>--prune</c>).
/// </summary>
public sealed record Step(
    StepKind Kind,
    Urn Urn,
    ArmResourceId Id,
    Resource? Desired,
    ResourceState? Current,
    ImmutableArray<PropertyDiff> Diffs,
    string? Note = null,
    bool Pruned = false)
{
    /// <summary>True for steps that send a request (create, update, delete).</summary>
    public bool IsChange => Kind is StepKind.Create or StepKind.Update or StepKind.Delete;

    /// <summary>The api-version the step's request uses.</summary>
    public string ApiVersion => Desired?.ApiVersion ?? Current!.ApiVersion;
}
