namespace Provisioning.ArmEmulator;

/// <summary>The mutable record of one registration and its customer subscriptions, guarded by the store's lock.</summary>
/// <remarks>
/// Customer subscriptions are keyed by their upper-cased name: a hash map for lookups and a sorted set of
/// the same keys for paging, so one page costs O(log n + page) however large the collection grows.
/// </remarks>
internal sealed class RegistrationEntry(EmulatorRegistration registration)
{
    /// <summary>Gets or sets the registration, replaced when the caller changes its casing or billing model.</summary>
    public EmulatorRegistration Registration { get; set; } = registration;

    /// <summary>Gets the customer subscriptions by upper-cased name.</summary>
    public Dictionary<string, MappingEntry> Mappings { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets the upper-cased customer subscription names in ordinal order.</summary>
    public SortedSet<string> OrderedKeys { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets the key of the customer subscription each tenant is mapped to.</summary>
    public Dictionary<Guid, string> KeyByTenant { get; } = [];

    /// <summary>Returns the sort and lookup key of a customer subscription name.</summary>
    public static string KeyOf(string customerSubscriptionName) => customerSubscriptionName.ToUpperInvariant();

    /// <summary>Adds or replaces a customer subscription, removing any other mapping of the same tenant.</summary>
    public (bool Created, MappingEntry? Replaced) Put(MappingEntry mapping)
    {
        var key = KeyOf(mapping.Name);
        var tenant = Guid.Parse(mapping.TenantId);
        MappingEntry? replaced = null;
        if (KeyByTenant.TryGetValue(tenant, out var otherKey) && otherKey != key)
        {
            // One customer subscription per tenant per registration: the new mapping wins.
            replaced = Mappings[otherKey];
            Remove(otherKey);
        }

        var created = !Mappings.TryGetValue(key, out var previous);
        if (previous is not null)
        {
            KeyByTenant.Remove(Guid.Parse(previous.TenantId));
        }

        Mappings[key] = mapping;
        OrderedKeys.Add(key);
        KeyByTenant[tenant] = key;
        return (created, replaced);
    }

    /// <summary>Removes a customer subscription by key; returns false when it was not there.</summary>
    public bool Remove(string key)
    {
        if (!Mappings.Remove(key, out var removed))
        {
            return false;
        }

        OrderedKeys.Remove(key);
        KeyByTenant.Remove(Guid.Parse(removed.TenantId));
        return true;
    }

    /// <summary>Returns up to <paramref name="pageSize"/> mappings after <paramref name="afterKey"/> and whether more follow.</summary>
    public (List<MappingEntry> Items, bool More) Page(string? afterKey, int pageSize)
    {
        var items = new List<MappingEntry>(Math.Min(pageSize, Mappings.Count));
        if (OrderedKeys.Count == 0)
        {
            return (items, false);
        }

        IEnumerable<string> keys = OrderedKeys;
        if (afterKey is not null)
        {
            if (string.CompareOrdinal(afterKey, OrderedKeys.Max) >= 0)
            {
                return (items, false);
            }

            // A view is O(log n) to create and to start enumerating; it does not walk the skipped keys.
            keys = OrderedKeys.GetViewBetween(afterKey, OrderedKeys.Max!);
        }

        foreach (var key in keys)
        {
            if (afterKey is not null && string.Equals(key, afterKey, StringComparison.Ordinal))
            {
                continue;
            }

            if (items.Count == pageSize)
            {
                return (items, true);
            }

            items.Add(Mappings[key]);
        }

        return (items, false);
    }
}
