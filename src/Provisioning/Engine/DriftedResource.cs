using System.Collections.Immutable;
using Provisioning.Model;
using Provisioning.Planning;

namespace Provisioning.Engine;

/// <summary>
/// A resource the state records that changed in Azure since (Terraform's <c>resource_drift</c>): its properties differ
/// (<see cref="Deleted"/> false, with the <see cref="Diffs"/> recorded → found), or it is gone.
/// </summary>
public sealed record DriftedResource(Urn Urn, ArmResourceId Id, bool Deleted, ImmutableArray<PropertyDiff> Diffs)
{
    /// <summary>What the refresh found against the state: one per recorded resource that differs from what Azure holds.</summary>
    public static IReadOnlyList<DriftedResource> Between(IEnumerable<State.ResourceState> recorded, IEnumerable<Model.ObservedResource> found)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        ArgumentNullException.ThrowIfNull(found);
        var now = new Dictionary<ArmResourceId, Model.ObservedResource>(found.TryGetNonEnumeratedCount(out var count) ? count : 0);
        foreach (var resource in found)
        {
            now.TryAdd(resource.Id, resource);
        }

        var drift = new List<DriftedResource>();
        foreach (var resource in recorded)
        {
            if (!now.TryGetValue(resource.Id, out var observed))
            {
                drift.Add(new DriftedResource(resource.Urn, resource.Id, Deleted: true, []));
            }
            else if (Planner.Diff(resource.Properties, observed.Properties) is { IsEmpty: false } diffs)
            {
                drift.Add(new DriftedResource(resource.Urn, resource.Id, Deleted: false, diffs));
            }
        }

        return drift;
    }
}
