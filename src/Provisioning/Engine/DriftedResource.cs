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
    /// <summary>The drift the planner noted (see <see cref="Planner.Plan"/>): a recorded resource gone, or found with other properties.</summary>
    public static IReadOnlyList<DriftedResource> Of(IEnumerable<(State.ResourceState Recorded, State.ResourceState? Found)> noted)
    {
        ArgumentNullException.ThrowIfNull(noted);
        var drift = new List<DriftedResource>();
        foreach (var (recorded, found) in noted)
        {
            if (found is null)
            {
                drift.Add(new DriftedResource(recorded.Urn, recorded.Id, Deleted: true, []));
            }
            else if (Planner.Diff(recorded.Properties, found.Properties) is { IsEmpty: false } diffs)
            {
                drift.Add(new DriftedResource(recorded.Urn, recorded.Id, Deleted: false, diffs));
            }
        }

        return drift;
    }
}
