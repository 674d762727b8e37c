using System.Collections.Immutable;
using Provisioning.Model;
using Provisioning.State;

namespace Provisioning.Planning;

/// <summary>
/// Finds what <c>--prune</c> deletes: resources listed in Azure under a parent the stack manages that are
/// neither desired, nor in the state, nor claimed by another stack of the project.
/// </summary>
public static class Pruner
{
    /// <summary>
    /// Returns the plan with <see cref="Plan.Unmanaged"/> set to one delete step per unmanaged resource,
    /// each named by <paramref name="urnOf"/> and deleted with <paramref name="apiVersion"/>.
    /// </summary>
    public static Plan FindUnmanaged(
        Plan plan,
        ResourceGraph desired,
        IReadOnlyCollection<ResourceState> state,
        IReadOnlyCollection<ObservedResource> actual,
        IReadOnlySet<ArmResourceId> otherStacks,
        string apiVersion,
        Func<ObservedResource, Urn> urnOf)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(otherStacks);
        ArgumentNullException.ThrowIfNull(urnOf);
        var unmanaged = ImmutableArray.CreateBuilder<Step>();
        foreach (var found in Candidates(desired, state, actual))
        {
            if (otherStacks.Contains(found.Id))
            {
                continue;
            }

            var current = new ResourceState(urnOf(found), found.Id, found.Type, apiVersion, found.Properties, null, ResourceOptions.None);
            unmanaged.Add(new Step(StepKind.Delete, current.Urn, found.Id, null, current, Planner.Diff(found.Properties, null), "in Azure but in no stack and not in the state", Pruned: true));
        }

        return plan with { Unmanaged = unmanaged.ToImmutable() };
    }

    /// <summary>
    /// The listed resources that are neither desired nor in the state, ordered by id: what <see cref="FindUnmanaged"/> considers
    /// before it asks which other stacks claim them (usually none, so the other stacks need not be read at all).
    /// </summary>
    public static IReadOnlyList<ObservedResource> Candidates(ResourceGraph desired, IReadOnlyCollection<ResourceState> state, IReadOnlyCollection<ObservedResource> actual)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(actual);
        var undesired = actual.Where(a => desired.Find(a.Id) is null).ToList();
        if (undesired.Count == 0)
        {
            return [];
        }

        var known = state.Select(s => s.Id).ToHashSet();
        return [.. undesired.Where(a => !known.Contains(a.Id)).OrderBy(a => a.Id.ToString(), StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>
    /// The candidates among what the planner left unmatched (<see cref="Planner.Plan"/>'s <c>unplanned</c>: listed, neither
    /// desired nor recorded) that lie under one of <paramref name="parents"/>, ordered by id: the same as
    /// <see cref="Candidates(ResourceGraph, IReadOnlyCollection{ResourceState}, IReadOnlyCollection{ObservedResource})"/>
    /// without looking every listed resource up again.
    /// </summary>
    public static IReadOnlyList<ObservedResource> Candidates(IEnumerable<ObservedResource> unplanned, IEnumerable<ArmResourceId> parents)
    {
        ArgumentNullException.ThrowIfNull(unplanned);
        ArgumentNullException.ThrowIfNull(parents);
        var under = parents.ToHashSet();
        return [.. unplanned.Where(a => a.Id.Parent is { } parent && under.Contains(parent)).OrderBy(a => a.Id.ToString(), StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>Moves the unmanaged deletes into the plan's steps (after every other step), as <c>--prune</c> asks.</summary>
    public static Plan Include(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan with { Steps = plan.Steps.AddRange(plan.Unmanaged), Unmanaged = [] };
    }
}
