namespace Provisioning.ArmEmulator;

/// <summary>What the emulator holds: registrations and their customer subscriptions, thread-safe and compared case-insensitively.</summary>
/// <remarks>Names keep the casing the caller last used. When a data file is set, changes are saved to it atomically, coalesced over a short interval.</remarks>
public sealed partial class EmulatorStore
{
    private readonly Lock _gate = new();
    private readonly SortedIndex<RegistrationEntry> _registrations = new();

    internal EmulatorStore(string? dataFile)
        : this(dataFile, TimeSpan.Zero, TimeProvider.System)
    {
    }

    internal EmulatorStore(string? dataFile, TimeSpan saveInterval, TimeProvider time)
    {
        if (dataFile is null)
        {
            return;
        }

        if (StateFile.Load(dataFile) is { } document)
        {
            Restore(document);
        }

        _saver = new DataFileSaver(dataFile, Snapshot, saveInterval, time);
    }

    /// <summary>Gets the number of customer subscriptions held across all registrations.</summary>
    public int MappingCount
    {
        get
        {
            lock (_gate)
            {
                return _registrations.Values.Sum(r => r.Mappings.Count);
            }
        }
    }

    /// <summary>Creates or updates a registration without going through HTTP, for tests and demos.</summary>
    /// <param name="subscriptionId">The subscription that holds the registration.</param>
    /// <param name="resourceGroup">The resource group that holds the registration.</param>
    /// <param name="name">The registration name.</param>
    /// <param name="billingModel">The billing model (default "Development").</param>
    /// <returns>The registration as stored.</returns>
    public EmulatorRegistration SeedRegistration(string subscriptionId, string resourceGroup, string name, string billingModel = "Development")
    {
        ArgumentNullException.ThrowIfNull(subscriptionId);
        ArgumentNullException.ThrowIfNull(resourceGroup);
        ArgumentNullException.ThrowIfNull(name);
        var problem = ArmNames.SubscriptionIdProblem(subscriptionId) is { } s ? $"the subscription id '{ArmNames.Quote(subscriptionId)}' is {s}"
            : ArmNames.ResourceGroupProblem(resourceGroup) is { } g ? $"the resource group '{ArmNames.Quote(resourceGroup)}' is invalid: {g}"
            : ArmNames.ResourceNameProblem(name) is { } n ? $"the registration name '{ArmNames.Quote(name)}' is invalid: {n}"
            : null;
        if (problem is not null)
        {
            // ARM would refuse it; the emulator never holds what ARM could not.
            throw new ArgumentException($"{char.ToUpperInvariant(problem[0])}{problem[1..]}.");
        }

        return PutRegistration(subscriptionId, resourceGroup, name, billingModel).Registration;
    }

    /// <summary>Maps customer subscriptions to tenants under an existing registration without going through HTTP, saving once.</summary>
    /// <param name="subscriptionId">The subscription that holds the registration.</param>
    /// <param name="resourceGroup">The resource group that holds the registration.</param>
    /// <param name="registrationName">The registration name.</param>
    /// <param name="mappings">Pairs of customer subscription id and tenant id (both GUIDs); a later pair for the same tenant replaces an earlier one.</param>
    /// <returns>The number of pairs applied.</returns>
    /// <exception cref="InvalidOperationException">The registration does not exist.</exception>
    public int SeedMappings(
        string subscriptionId,
        string resourceGroup,
        string registrationName,
        IEnumerable<(string CustomerSubscriptionId, string TenantId)> mappings)
    {
        ArgumentNullException.ThrowIfNull(mappings);
        var applied = 0;
        lock (_gate)
        {
            var entry = FindEntry(subscriptionId, resourceGroup, registrationName)
                ?? throw new InvalidOperationException($"Registration '{registrationName}' is not in the emulator; seed it first.");
            foreach (var (customerSubscriptionId, tenantId) in mappings)
            {
                if (!ArmNames.IsGuid(customerSubscriptionId) || !ArmNames.IsGuid(tenantId))
                {
                    throw new ArgumentException($"'{customerSubscriptionId}' -> '{tenantId}' is not a pair of GUIDs.", nameof(mappings));
                }

                entry.Put(new MappingEntry(customerSubscriptionId, tenantId, Etag: null));
                applied++;
            }
        }

        Persist();
        return applied;
    }

    /// <summary>Returns every registration, ordered by id.</summary>
    public IReadOnlyList<EmulatorRegistration> GetRegistrations()
    {
        lock (_gate)
        {
            return [.. _registrations.Values.Select(entry => entry.Registration)];
        }
    }

    /// <summary>Returns every customer subscription of every registration, ordered by registration id, then by name.</summary>
    public IReadOnlyList<EmulatorMapping> GetAllMappings()
    {
        lock (_gate)
        {
            var all = new List<EmulatorMapping>();
            foreach (var entry in _registrations.Values)
            {
                all.AddRange(entry.Mappings.Values.Select(mapping => ToMapping(entry, mapping)));
            }

            return all;
        }
    }

    /// <summary>Removes everything the emulator holds (and saves the empty state when a data file is set).</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _registrations.Clear();
        }

        Persist();
    }

    private static string KeyOf(string subscriptionId, string resourceGroup, string name) =>
        $"{subscriptionId}/{resourceGroup}/{name}".ToUpperInvariant();

    private static EmulatorMapping ToMapping(RegistrationEntry entry, MappingEntry mapping) =>
        new(entry.Registration, mapping.Name, mapping.TenantId, mapping.Etag) { SystemData = mapping.SystemData };

    private RegistrationEntry? FindEntry(string subscriptionId, string resourceGroup, string name) =>
        _registrations.Find(KeyOf(subscriptionId, resourceGroup, name));
}
