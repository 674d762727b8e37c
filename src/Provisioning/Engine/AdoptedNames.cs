using Provisioning.AzureStack;
using Provisioning.Config;
using Provisioning.Model;

namespace Provisioning.Engine;

/// <summary>
/// Names a mapping found in Azure that the stack does not declare: the registration's key and the tenant's
/// key when the stack knows the tenant id, else <c>tenant-&lt;first 8 hex digits of the tenant id&gt;</c>
/// (lengthened by <see cref="AllocateTenantKeys"/> until every imported tenant has its own key).
/// </summary>
public static class AdoptedNames
{
    /// <summary>The registration of the stack that is the parent of <paramref name="id"/>, if any.</summary>
    public static Registration? RegistrationOf(StackDefinition stack, ArmResourceId id)
    {
        ArgumentNullException.ThrowIfNull(stack);
        return stack.Registrations.FirstOrDefault(r => id.Parent is { } p && p == r.Id);
    }

    /// <summary>The tenant key to use for a tenant id: the stack's own key when declared.</summary>
    public static string TenantKey(StackDefinition stack, string? tenantId)
    {
        ArgumentNullException.ThrowIfNull(stack);
        var known = stack.Tenants.FirstOrDefault(t => string.Equals(t.TenantId, tenantId, StringComparison.OrdinalIgnoreCase));
        return known?.Key ?? (tenantId is { Length: >= 8 } ? $"tenant-{tenantId[..8].ToLowerInvariant()}" : "tenant-unknown");
    }

    /// <summary>The URN of the <c>TenantRegistration</c> component a mapping belongs to (named by its registration's key).</summary>
    public static Urn ComponentUrnOf(StackDefinition stack, ArmResourceId id)
    {
        ArgumentNullException.ThrowIfNull(stack);
        var registrationKey = RegistrationOf(stack, id)?.Key ?? id.Parent?.Name ?? "unknown";
        return Urn.Create(stack.Stack, stack.Project, TenantRegistration.ComponentType, registrationKey);
    }

    /// <summary>The URN a mapping found in Azure gets under its registration's component.</summary>
    public static Urn UrnOf(StackDefinition stack, ObservedResource found)
    {
        ArgumentNullException.ThrowIfNull(stack);
        ArgumentNullException.ThrowIfNull(found);
        var component = ComponentUrnOf(stack, found.Id);
        found.Properties.TryGetValue(TenantRegistration.TenantIdProperty, out var tenantId);
        var registrationKey = component.Name;
        return Urn.Create(stack.Stack, stack.Project, TenantRegistration.CustomerSubscriptionType, $"{registrationKey}-{TenantKey(stack, tenantId)}", component);
    }

    /// <summary>
    /// The URN a plan shows for a mapping found in Azure that the stack does not manage (a prune candidate, an overwritten
    /// mapping): <see cref="UrnOf"/>, with the customer subscription's first 8 characters appended when the stack maps
    /// the same tenant on that registration elsewhere, so that no two steps of a plan share a URN.
    /// </summary>
    public static Urn UnmanagedUrnOf(StackDefinition stack, ObservedResource found)
    {
        var urn = UrnOf(stack, found);
        var registration = RegistrationOf(stack, found.Id)?.Key;
        found.Properties.TryGetValue(TenantRegistration.TenantIdProperty, out var tenantId);
        var declaredHere = stack.Tenants.Any(t => string.Equals(t.TenantId, tenantId, StringComparison.OrdinalIgnoreCase)
            && t.Mappings.Any(m => m.RegistrationKey == registration));
        return declaredHere
            ? Urn.Create(stack.Stack, stack.Project, TenantRegistration.CustomerSubscriptionType, $"{urn.Name}-{Sanitized(found.Id.Name)[..Math.Min(8, Sanitized(found.Id.Name).Length)]}", ComponentUrnOf(stack, found.Id))
            : urn;
    }

    /// <summary>
    /// Gives each tenant id the stack does not declare a key of its own, readable and valid in a stack file:
    /// <c>tenant-</c> and the shortest lower-case prefix of the id, cut at a dash (8, 13, 18, 23 characters, or all of it),
    /// that no other of these tenants shares, that no declared tenant and no tenant of <paramref name="recorded"/> (keys an earlier
    /// import gave, read from the state) uses as its key, and that gives no URN in <paramref name="takenNames"/> (URN names,
    /// <c>&lt;registration&gt;-&lt;tenant&gt;</c>, already used by the state or the stack). A tenant of <paramref name="recorded"/>
    /// keeps its earlier key. The same inputs always give the same keys. Declared tenants keep their key (they are not in the result).
    /// </summary>
    public static IReadOnlyDictionary<string, string> AllocateTenantKeys(
        StackDefinition stack,
        IEnumerable<(string RegistrationKey, string TenantId)> mappings,
        IEnumerable<(string Key, string TenantId)> recorded,
        IReadOnlySet<string> takenNames)
    {
        ArgumentNullException.ThrowIfNull(stack);
        ArgumentNullException.ThrowIfNull(mappings);
        ArgumentNullException.ThrowIfNull(recorded);
        ArgumentNullException.ThrowIfNull(takenNames);
        var declared = stack.Tenants.Select(t => t.TenantId).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var declaredKeys = stack.Tenants.Select(t => t.Key).ToHashSet(StringComparer.Ordinal);

        // Keys an earlier import gave (found in the state's URNs): a tenant keeps its key, and no other tenant gets it.
        var earlier = new Dictionary<string, string>(StringComparer.Ordinal);
        var earlierKeys = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, tenantId) in recorded)
        {
            var tenant = Sanitized(tenantId);
            earlier.TryAdd(tenant, key);
            earlierKeys.TryAdd(key, tenant);
        }

        var registrationsOf = mappings
            .Where(m => !declared.Contains(m.TenantId))
            .GroupBy(m => Sanitized(m.TenantId), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(m => m.RegistrationKey).Distinct(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        var keys = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var used = new HashSet<string>(declaredKeys.Concat(earlierKeys.Keys), StringComparer.Ordinal);
        foreach (var (tenant, registrations) in registrationsOf)
        {
            bool Fits(string key) => !registrations.Any(r => takenNames.Contains($"{r}-{key}"));
            bool Free(string key) => !used.Contains(key) && Fits(key);
            var keep = earlier.TryGetValue(tenant, out var kept) && earlierKeys[kept] == tenant && !declaredKeys.Contains(kept) && Fits(kept);

            // Two different ids never share their whole text, so only a name already taken can reach the numbered fallback.
            var chosen = keep ? kept! : PrefixLengths.Where(l => l < tenant.Length).Append(tenant.Length)
                    .Select(l => tenant[..l])
                    .Where(prefix => !registrationsOf.Keys.Any(other => other != tenant && other.StartsWith(prefix, StringComparison.Ordinal)))
                    .Select(prefix => $"tenant-{prefix}")
                    .FirstOrDefault(Free)
                ?? Enumerable.Range(2, int.MaxValue - 2).Select(n => $"tenant-{tenant}-{n}").First(Free);
            used.Add(chosen);
            keys[tenant] = chosen;
        }

        return keys;
    }

    private static readonly int[] PrefixLengths = [8, 13, 18, 23, 36];

    /// <summary>A tenant id as a key's text: lower case, only letters, digits and dashes (an id ARM returned oddly still gives a valid name).</summary>
    public static string Sanitized(string tenantId)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        var text = new string([.. tenantId.ToLowerInvariant().Where(c => char.IsAsciiLetterOrDigit(c) || c == '-')]);
        return text.Length == 0 ? "unknown" : text;
    }
}
