using System.Collections.Immutable;
using Provisioning.AzureStack;
using Provisioning.Model;
using Provisioning.State;

namespace Provisioning.Planning;

/// <summary>
/// Finds the overwrite trap in a plan: every mapping that exists now (refreshed, or as recorded when not refreshing)
/// and that a PUT of the plan would remove although no DELETE removes it. The one place that knows the service's rule
/// "one customer subscription per tenant per registration".
/// </summary>
public static class Overwrites
{
    /// <summary>
    /// Returns the plan with <see cref="Plan.Overwrites"/> set. <paramref name="actual"/> is what Azure holds (null:
    /// the state is trusted); <paramref name="owners"/> names, per id, another stack of the project that claims it;
    /// <paramref name="urnOf"/> names a mapping that is in no state.
    /// </summary>
    public static Plan Find(
        Plan plan,
        IReadOnlyCollection<ResourceState> state,
        IReadOnlyCollection<ObservedResource>? actual,
        IReadOnlyDictionary<ArmResourceId, string> owners,
        Func<ObservedResource, Urn> urnOf)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(owners);
        ArgumentNullException.ThrowIfNull(urnOf);
        // Only a PUT can overwrite: a plan without one (every no-change run) needs no index at all.
        var puts = plan.Steps.Where(s => s.Kind is StepKind.Create or StepKind.Update).ToList();
        if (puts.Count == 0)
        {
            return plan with { Overwrites = [] };
        }

        var recorded = new Dictionary<ArmResourceId, ResourceState>(state.Count);
        foreach (var s in state)
        {
            recorded[s.Id] = s;
        }

        // Index only the (registration, tenant) pairs some PUT writes; the rest of a large world is passed over without allocating.
        var wanted = new HashSet<(string Parent, string Tenant)>();
        foreach (var put in puts)
        {
            if (put.Id.Parent is { } parent && TenantOf(put.Desired!.Properties) is { } tenant)
            {
                wanted.Add((parent.ToString().ToUpperInvariant(), tenant.ToLowerInvariant()));
            }
        }

        var wantedParents = new HashSet<string>(wanted.Select(w => w.Parent), StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        var world = actual ?? [.. state.Select(s => new ObservedResource(s.Id, s.Type, s.Properties))];
        var byTenant = new Dictionary<(string Parent, string Tenant), List<ObservedResource>>();
        foreach (var found in world)
        {
            found.Id.SplitLast(out var parentText, out _, out _);
            if (parentText.IsEmpty || !wantedParents.Contains(parentText) || TenantOf(found.Properties) is not { } tenant)
            {
                continue;
            }

            var key = (parentText.ToString().ToUpperInvariant(), tenant.ToLowerInvariant());
            if (!wanted.Contains(key))
            {
                continue;
            }

            if (!byTenant.TryGetValue(key, out var list))
            {
                byTenant[key] = list = [];
            }

            list.Add(found);
        }

        // A mapping that the plan itself PUTs again (e.g. two tenants swapping subscriptions) ends as the plan says: not a removal.
        var rewritten = puts.Select(s => s.Id).ToHashSet();
        var overwrites = ImmutableArray.CreateBuilder<Overwrite>();
        foreach (var put in puts)
        {
            // A subscription re-mapped to another tenant: only an unmanaged mapping is overwritten (a managed one is the stack's own update).
            if (put.Kind == StepKind.Update && put.Current is { } current && !recorded.ContainsKey(put.Id)
                && !string.Equals(TenantOf(current.Properties), TenantOf(put.Desired!.Properties), StringComparison.OrdinalIgnoreCase))
            {
                overwrites.Add(new Overwrite(put, current, Managed: false, owners.GetValueOrDefault(put.Id)));
            }

            // The same tenant mapped to another subscription under the same registration: the PUT replaces it.
            if (put.Id.Parent is { } parent && TenantOf(put.Desired!.Properties) is { } tenant
                && byTenant.TryGetValue((parent.ToString().ToUpperInvariant(), tenant.ToLowerInvariant()), out var holders))
            {
                foreach (var other in holders.Where(h => h.Id != put.Id && !rewritten.Contains(h.Id)))
                {
                    var removed = recorded.TryGetValue(other.Id, out var mine)
                        ? mine with { Id = other.Id, Properties = other.Properties }
                        : new ResourceState(urnOf(other), other.Id, other.Type, put.ApiVersion, other.Properties, null, ResourceOptions.None);
                    overwrites.Add(new Overwrite(put, removed, mine is not null, owners.GetValueOrDefault(other.Id)));
                }
            }
        }

        return plan with { Overwrites = overwrites.ToImmutable() };
    }

    private static string? TenantOf(ImmutableSortedDictionary<string, string> properties) =>
        properties.TryGetValue(TenantRegistration.TenantIdProperty, out var tenant) ? tenant : null;
}
