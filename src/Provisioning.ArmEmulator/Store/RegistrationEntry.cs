namespace Provisioning.ArmEmulator;

/// <summary>The mutable record of one registration and its customer subscriptions, guarded by the store's lock.</summary>
/// <remarks>Customer subscriptions are keyed by their upper-cased name in a <see cref="SortedIndex{T}"/>, which pages them.</remarks>
internal sealed class RegistrationEntry(EmulatorRegistration registration)
{
    /// <summary>Gets or sets the registration, replaced when the caller changes its casing or billing model.</summary>
    public EmulatorRegistration Registration { get; set; } = registration;

    /// <summary>Gets the customer subscriptions by upper-cased name, in that order.</summary>
    public SortedIndex<MappingEntry> Mappings { get; } = new();

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
            replaced = Mappings.Find(otherKey);
            Remove(otherKey);
        }

        var created = !Mappings.TryGetValue(key, out var previous);
        if (previous is not null)
        {
            KeyByTenant.Remove(Guid.Parse(previous.TenantId));
        }

        Mappings.Set(key, mapping);
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

        KeyByTenant.Remove(Guid.Parse(removed.TenantId));
        return true;
    }
}
