using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Provisioning.Model;
using Provisioning.State;

namespace Provisioning.Planning;

/// <summary>
/// The pure planner: desired resources × recorded state × (optionally) refreshed actual state → <see cref="Plan"/>.
/// PUTs come before DELETEs, so a tenant that moves to another subscription is never left unmapped.
/// </summary>
public static class Planner
{
    /// <summary>The note of an <see cref="StepKind.Adopt"/> step.</summary>
    public const string AdoptNote = "exists in Azure as desired but not in the state: adopted into the state, no request";

    /// <summary>
    /// Plans the steps. When <paramref name="actual"/> is null the recorded state is trusted as the truth;
    /// otherwise <paramref name="actual"/> must hold every resource found under the parents that were listed.
    /// </summary>
    /// <remarks>
    /// With <paramref name="drift"/>, every recorded resource that the refresh found changed (with what was found) or gone
    /// (with null) is added to it: the drift, found on the way instead of by indexing the world once more. With
    /// <paramref name="unplanned"/>, the refreshed resources that are neither desired nor recorded are added to it (what
    /// <c>--prune</c> considers; see <see cref="Pruner.Candidates(IEnumerable{ObservedResource}, IEnumerable{ArmResourceId})"/>).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Plan Plan(ResourceGraph desired, IReadOnlyCollection<ResourceState> state, IReadOnlyCollection<ObservedResource>? actual, PlanMode mode = PlanMode.Update, ICollection<(ResourceState Recorded, ResourceState? Found)>? drift = null, ICollection<ObservedResource>? unplanned = null)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(state);

        var recorded = new Dictionary<ArmResourceId, ResourceState>(state.Count);
        var observed = actual is null ? null : new Dictionary<ArmResourceId, ObservedResource>(actual.Count);
        void IndexRecorded()
        {
            foreach (var s in state)
            {
                recorded[s.Id] = s;
            }
        }

        void IndexObserved()
        {
            foreach (var a in actual!)
            {
                observed![a.Id] = a;
            }
        }

        // The two indexes are independent: a large plan builds them on two cores.
        if (observed is null)
        {
            IndexRecorded();
        }
        else
        {
            BothAtOnce.Run(state.Count + actual!.Count, IndexRecorded, IndexObserved);
        }

        var puts = ImmutableArray.CreateBuilder<Step>(mode == PlanMode.Update ? desired.Count : 0); // one step per desired resource, sized once
        var deletes = ImmutableArray.CreateBuilder<Step>();
        var errors = ImmutableArray.CreateBuilder<string>();
        var refused = ImmutableArray.CreateBuilder<Step>();

        if (mode == PlanMode.Update)
        {
            foreach (var resource in desired.Resources)
            {
                // Taken out as matched: what is left afterwards is exactly the recorded resources no longer desired.
                recorded.Remove(resource.Id, out var old);
                var current = Current(resource.Urn, resource.Id, old, observed);
                NoteDrift(drift, old, current, observed);
                if (current is null)
                {
                    var note = old is null ? null : "recorded in the state but missing in Azure: it will be created again";
                    puts.Add(new Step(StepKind.Create, resource.Urn, resource.Id, resource, null, Diff(null, resource.Properties), note));
                    continue;
                }

                var diffs = Diff(current.Properties, resource.Properties);
                if (old is null)
                {
                    // Found in Azure but not in the state: the state must learn it, with or without a request.
                    puts.Add(diffs.IsEmpty
                        ? new Step(StepKind.Adopt, resource.Urn, resource.Id, resource, current, diffs, AdoptNote)
                        : new Step(StepKind.Update, resource.Urn, resource.Id, resource, current, diffs, "exists in Azure but not in the state: adopted and updated"));
                    continue;
                }

                puts.Add(new Step(diffs.IsEmpty ? StepKind.Same : StepKind.Update, resource.Urn, resource.Id, resource, current, diffs));
            }
        }

        foreach (var old in recorded.Count == 0 ? [] : state)
        {
            if (!recorded.ContainsKey(old.Id))
            {
                continue;
            }

            var current = Current(old.Urn, old.Id, old, observed);
            NoteDrift(drift, old, current, observed);
            if (current is null)
            {
                deletes.Add(new Step(StepKind.Forget, old.Urn, old.Id, null, old, [], "already gone from Azure"));
            }
            else if (old.Options.Protect)
            {
                errors.Add($"{old.Urn} ({old.Id}) is protected and would be deleted: set protect: false on it, run up, then delete or destroy.");
                refused.Add(new Step(StepKind.Delete, old.Urn, old.Id, null, current, Diff(current.Properties, null), "protected: refused"));
            }
            else if (old.Options.RetainOnDelete)
            {
                deletes.Add(new Step(StepKind.Forget, old.Urn, old.Id, null, current, [], "retainOnDelete: forgotten, left in Azure"));
            }
            else
            {
                deletes.Add(new Step(StepKind.Delete, old.Urn, old.Id, null, current, Diff(current.Properties, null)));
            }
        }

        // Each refreshed resource was taken out of the index when a desired or recorded one matched it: the rest is unplanned.
        if (unplanned is not null && observed is not null)
        {
            foreach (var left in observed.Values)
            {
                unplanned.Add(left);
            }
        }

        puts.AddRange(deletes);
        return new Plan(puts.Count == puts.Capacity ? puts.MoveToImmutable() : puts.ToImmutable(), errors.ToImmutable()) { Refused = refused.ToImmutable() };
    }

    private static void NoteDrift(ICollection<(ResourceState Recorded, ResourceState? Found)>? drift, ResourceState? old, ResourceState? current, Dictionary<ArmResourceId, ObservedResource>? observed)
    {
        // An unchanged resource comes back as the recorded instance itself.
        if (drift is not null && observed is not null && old is not null && !ReferenceEquals(old, current))
        {
            drift.Add((old, current));
        }
    }

    /// <summary>What exists now: the refreshed resource when refreshing, else the recorded one.</summary>
    private static ResourceState? Current(Urn urn, ArmResourceId id, ResourceState? old, Dictionary<ArmResourceId, ObservedResource>? observed)
    {
        if (observed is null)
        {
            return old;
        }

        // Every id is asked for once (a desired id, or a recorded one that is not desired): taken out, so what is left is unmatched.
        if (!observed.Remove(id, out var seen))
        {
            return null;
        }

        if (old is null)
        {
            return new ResourceState(urn, seen.Id, seen.Type, string.Empty, seen.Properties, null, ResourceOptions.None);
        }

        // Unchanged (the refresh shares the recorded instances when the text is equal): no copy.
        return old.Id.SharesTextWith(seen.Id) && ReferenceEquals(old.Properties, seen.Properties)
            ? old
            : old with { Id = seen.Id, Properties = seen.Properties };
    }

    /// <summary>The properties that differ between before and after, in name order.</summary>
    public static ImmutableArray<PropertyDiff> Diff(IReadOnlyDictionary<string, string>? before, IReadOnlyDictionary<string, string>? after)
    {
        if (Same(before, after))
        {
            return [];
        }

        var diffs = ImmutableArray.CreateBuilder<PropertyDiff>();
        var names = new SortedSet<string>(StringComparer.Ordinal);
        if (before is not null)
        {
            names.UnionWith(before.Keys);
        }

        if (after is not null)
        {
            names.UnionWith(after.Keys);
        }

        foreach (var name in names)
        {
            string? b = null;
            string? a = null;
            before?.TryGetValue(name, out b);
            after?.TryGetValue(name, out a);
            if (!SameValue(b, a))
            {
                diffs.Add(new PropertyDiff(name, b, a));
            }
        }

        return diffs.ToImmutable();
    }

    /// <summary>The common case of a plan with nothing to change, answered without allocating: the same names with equal values.</summary>
    private static bool Same(IReadOnlyDictionary<string, string>? before, IReadOnlyDictionary<string, string>? after)
    {
        if (ReferenceEquals(before, after))
        {
            return true;
        }

        if (before is null || after is null || before.Count != after.Count)
        {
            return false;
        }

        foreach (var (name, value) in before)
        {
            if (!after.TryGetValue(name, out var other) || !SameValue(value, other))
            {
                return false;
            }
        }

        return true;
    }

    // ARM compares GUID-like values without regard to case; so do we.
    private static bool SameValue(string? before, string? after) => string.Equals(before, after, StringComparison.OrdinalIgnoreCase);
}
