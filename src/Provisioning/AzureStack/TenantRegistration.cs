using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Provisioning.Model;

namespace Provisioning.AzureStack;

/// <summary>
/// The component that expands one registration (stamp) into one <c>CustomerSubscription</c>
/// child resource per tenant mapped to it.
/// </summary>
public static class TenantRegistration
{
    /// <summary>The component's type token.</summary>
    public const string ComponentType = "provisioning:azurestack:TenantRegistration";

    /// <summary>The child resource's type token (the azure-native name of the same ARM type).</summary>
    public const string CustomerSubscriptionType = "azure-native:azurestack:CustomerSubscription";

    /// <summary>The ARM resource type of a mapping.</summary>
    public const string ArmType = "Microsoft.AzureStack/registrations/customerSubscriptions";

    /// <summary>The api-version every mapping is managed with.</summary>
    public const string ApiVersion = "2017-06-01";

    /// <summary>The child type segment under a registration.</summary>
    public const string ChildTypeSegment = "customerSubscriptions";

    /// <summary>The property that names the tenant.</summary>
    public const string TenantIdProperty = "tenantId";

    private const int ParallelExpansionThreshold = 10_000;

    /// <summary>
    /// Expands every registration of the stack into a component with its mappings. Throws
    /// <see cref="ArgumentException"/> when a mapping names an undeclared registration, or when one
    /// tenant would be mapped twice on one registration (the service keeps only the last PUT, so the
    /// stack could never converge).
    /// </summary>
    public static ResourceGraph Expand(string project, string stack, IReadOnlyList<Registration> registrations, IReadOnlyList<Tenant> tenants)
    {
        ArgumentNullException.ThrowIfNull(registrations);
        ArgumentNullException.ThrowIfNull(tenants);
        var byRegistration = registrations.ToDictionary(r => r.Key, _ => new List<(Tenant, TenantMapping)>(), StringComparer.Ordinal);

        // One subscription per tenant per registration: a second PUT for the same tenant removes the first. When every tenant
        // entry has its own tenant id, only an entry listing a registration twice can break that, so the check needs
        // the entry's own registrations, not an index of every mapping.
        var tenantIds = new HashSet<string>(tenants.Count, StringComparer.OrdinalIgnoreCase);
        var tenantsByRegistration = tenants.All(t => tenantIds.Add(t.TenantId))
            ? null
            : registrations.ToDictionary(r => r.Key, _ => new Dictionary<string, TenantMapping>(StringComparer.OrdinalIgnoreCase), StringComparer.Ordinal);
        var listed = new Dictionary<string, TenantMapping>(StringComparer.Ordinal);
        foreach (var tenant in tenants)
        {
            listed.Clear();
            foreach (var mapping in tenant.Mappings)
            {
                if (!byRegistration.TryGetValue(mapping.RegistrationKey, out var mapped))
                {
                    throw new ArgumentException($"{mapping.Span}: tenant '{tenant.Key}' is mapped to registration '{mapping.RegistrationKey}', which the stack does not declare.", nameof(tenants));
                }

                var (holders, key) = tenantsByRegistration is null ? (listed, mapping.RegistrationKey) : (tenantsByRegistration[mapping.RegistrationKey], tenant.TenantId);
                if (!holders.TryAdd(key, mapping))
                {
                    var clash = holders[key];
                    throw new ArgumentException(
                        $"{mapping.Span}: tenant {tenant.TenantId} ('{tenant.Key}') is mapped twice on registration '{mapping.RegistrationKey}' "
                        + $"(subscriptions {clash.CustomerSubscriptionId} and {mapping.CustomerSubscriptionId}); a tenant has one subscription per registration.",
                        nameof(tenants));
                }

                mapped.Add((tenant, mapping));
            }
        }

        // Properties and options are immutable: one instance per tenant serves every registration it is on.
        var properties = new Dictionary<Tenant, ImmutableSortedDictionary<string, string>>(tenants.Count, ReferenceEqualityComparer.Instance);
        foreach (var tenant in tenants)
        {
            properties.TryAdd(tenant, Resource.PropertiesOf((TenantIdProperty, tenant.TenantId)));
        }

        // Registrations expand independently: a large stack uses every core (keeping declaration order), a small one
        // does not pay for starting the parallel machinery.
        var mappings = byRegistration.Values.Sum(m => m.Count);
        var components = mappings < ParallelExpansionThreshold
            ? [.. registrations.Select(r => Expand(project, stack, r, byRegistration[r.Key], properties))]
            : registrations.AsParallel().AsOrdered().Select(r => Expand(project, stack, r, byRegistration[r.Key], properties)).ToList();
        return new ResourceGraph(project, stack, components);
    }

    /// <summary>Expands one registration with the given tenants (and each tenant's property set) into a component.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Component Expand(string project, string stack, Registration registration, List<(Tenant Tenant, TenantMapping Mapping)> tenants, Dictionary<Tenant, ImmutableSortedDictionary<string, string>> properties)
    {
        var componentUrn = Urn.Create(stack, project, ComponentType, registration.Key);
        var registrationId = registration.Id;
        // Every child's URN is the first one's with another name (DomainRules.MappingName): one string each, nothing in between.
        var sibling = Urn.Create(stack, project, CustomerSubscriptionType, registration.Key, componentUrn);
        var children = tenants.Select(t => new Resource(
                NameOf(sibling, registration.Key, t.Tenant.Key),
                registrationId.Child(ChildTypeSegment, t.Mapping.CustomerSubscriptionId.ToLowerInvariant()),
                ArmType,
                ApiVersion,
                properties[t.Tenant],
                componentUrn,
                OptionsOf(t.Tenant)))
            .ToList();
        return new Component(componentUrn, ComponentType, registration.Key, children);
    }

    private static Urn NameOf(Urn sibling, string registrationKey, string tenantKey)
    {
        var length = registrationKey.Length + 1 + tenantKey.Length;
        var name = length <= 256 ? stackalloc char[length] : new char[length];
        registrationKey.CopyTo(name);
        name[registrationKey.Length] = '-';
        tenantKey.CopyTo(name[(registrationKey.Length + 1)..]);
        return sibling.WithName(name);
    }

    private static ResourceOptions OptionsOf(Tenant tenant) => (tenant.Protect, tenant.RetainOnDelete) switch
    {
        (false, false) => ResourceOptions.None,
        _ => new ResourceOptions(tenant.Protect, tenant.RetainOnDelete),
    };
}
