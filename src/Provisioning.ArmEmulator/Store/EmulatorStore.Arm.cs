namespace Provisioning.ArmEmulator;

/// <content>The operations behind the ARM routes.</content>
public sealed partial class EmulatorStore
{
    internal (EmulatorRegistration Registration, bool Created) PutRegistration(
        string subscriptionId, string resourceGroup, string name, string? billingModel)
    {
        EmulatorRegistration registration;
        bool created;
        lock (_gate)
        {
            var key = KeyOf(subscriptionId, resourceGroup, name);
            created = !_registrations.TryGetValue(key, out var entry);
            if (entry is null)
            {
                registration = new EmulatorRegistration(
                    subscriptionId, resourceGroup, name,
                    ObjectId: Guid.NewGuid().ToString(), CloudId: Guid.NewGuid().ToString(),
                    BillingModel: billingModel ?? "Development");
                _registrations.Set(key, new RegistrationEntry(registration));
            }
            else
            {
                // ARM keeps the casing of the last PUT; ids assigned at creation stay.
                registration = entry.Registration with
                {
                    SubscriptionId = subscriptionId,
                    ResourceGroup = resourceGroup,
                    Name = name,
                    BillingModel = billingModel ?? entry.Registration.BillingModel,
                };
                entry.Registration = registration;
            }
        }

        Persist();
        return (registration, created);
    }

    internal EmulatorRegistration? FindRegistration(string subscriptionId, string resourceGroup, string name)
    {
        lock (_gate)
        {
            return FindEntry(subscriptionId, resourceGroup, name)?.Registration;
        }
    }

    /// <summary>Returns a page of the registrations of a subscription, or of one of its resource groups, in key order.</summary>
    /// <param name="subscriptionId">The subscription.</param>
    /// <param name="resourceGroup">The resource group, or null for the whole subscription.</param>
    /// <param name="skipToken">The skip token of a previous page, or null for the first page.</param>
    /// <param name="pageSize">The largest number of registrations in one page.</param>
    internal ListPage<EmulatorRegistration> ListRegistrations(string subscriptionId, string? resourceGroup, string? skipToken, int pageSize)
    {
        // Keys are SUBSCRIPTION/RESOURCEGROUP/NAME and neither a group nor a name holds a '/', so a prefix selects exactly the
        // scope; the skip token is the rest of the key, so it means the same on whichever scope's list it came from.
        var prefix = resourceGroup is null ? $"{subscriptionId}/".ToUpperInvariant() : KeyOf(subscriptionId, resourceGroup, string.Empty);
        lock (_gate)
        {
            var (items, next) = _registrations.Page(prefix, skipToken is null ? null : prefix + skipToken.ToUpperInvariant(), pageSize);
            return new([.. items.Select(entry => entry.Registration)], next?[prefix.Length..]);
        }
    }

    internal bool DeleteRegistration(string subscriptionId, string resourceGroup, string name)
    {
        bool removed;
        lock (_gate)
        {
            // The customer subscriptions live in the entry, so they go with it.
            removed = _registrations.Remove(KeyOf(subscriptionId, resourceGroup, name), out _);
        }

        if (removed)
        {
            Persist();
        }

        return removed;
    }

    internal MappingPut? PutMapping(
        string subscriptionId, string resourceGroup, string registrationName,
        string customerSubscriptionId, string tenantId, string? etag, MappingAuthor? author = null)
    {
        MappingPut result;
        lock (_gate)
        {
            if (FindEntry(subscriptionId, resourceGroup, registrationName) is not { } entry)
            {
                return null;
            }

            var previous = entry.Mappings.Find(RegistrationEntry.KeyOf(customerSubscriptionId))?.SystemData;
            var systemData = author is { } a
                ? new EmulatorSystemData(
                    previous?.CreatedBy ?? a.Name, previous?.CreatedByType ?? a.Type, previous?.CreatedAt ?? a.At, a.Name, a.Type, a.At)
                : null;
            var mapping = new MappingEntry(customerSubscriptionId, tenantId, etag, systemData);
            var (created, replaced) = entry.Put(mapping);
            result = new MappingPut(
                ToMapping(entry, mapping), created, replaced is null ? null : ToMapping(entry, replaced));
        }

        Persist();
        return result;
    }

    internal ChildLookup<EmulatorMapping> FindMapping(
        string subscriptionId, string resourceGroup, string registrationName, string customerSubscriptionId)
    {
        lock (_gate)
        {
            if (FindEntry(subscriptionId, resourceGroup, registrationName) is not { } entry)
            {
                return new(ParentFound: false, Value: null);
            }

            return entry.Mappings.TryGetValue(RegistrationEntry.KeyOf(customerSubscriptionId), out var mapping)
                ? new(ParentFound: true, ToMapping(entry, mapping))
                : new(ParentFound: true, Value: null);
        }
    }

    internal ListPage<EmulatorMapping>? ListMappings(
        string subscriptionId, string resourceGroup, string registrationName, string? afterKey, int pageSize)
    {
        lock (_gate)
        {
            if (FindEntry(subscriptionId, resourceGroup, registrationName) is not { } entry)
            {
                return null;
            }

            var (items, next) = entry.Mappings.Page(string.Empty, afterKey?.ToUpperInvariant(), pageSize);
            return new([.. items.Select(m => ToMapping(entry, m))], next);
        }
    }

    internal ChildLookup<bool> DeleteMapping(
        string subscriptionId, string resourceGroup, string registrationName, string customerSubscriptionId)
    {
        bool removed;
        lock (_gate)
        {
            if (FindEntry(subscriptionId, resourceGroup, registrationName) is not { } entry)
            {
                return new(ParentFound: false, Value: false);
            }

            removed = entry.Remove(RegistrationEntry.KeyOf(customerSubscriptionId));
        }

        if (removed)
        {
            Persist();
        }

        return new(ParentFound: true, removed);
    }
}
