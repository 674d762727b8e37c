using Provisioning.Diagnostics;

namespace Provisioning.AzureStack;

/// <summary>
/// The rules of the registration domain that no single entry can break alone: one ARM registration
/// per key, one customer subscription per tenant per registration (the overwrite trap), one tenant
/// per customer subscription per registration, no mapping declared twice, and one resource per URN.
/// </summary>
public static class DomainRules
{
    /// <summary>
    /// Checks the registrations and tenants together and returns every broken rule, each placed on
    /// the later of the two declarations that clash. Mappings to undeclared registrations are skipped.
    /// </summary>
    public static IReadOnlyList<Diagnostic> Check(IReadOnlyList<Registration> registrations, IReadOnlyList<Tenant> tenants)
    {
        ArgumentNullException.ThrowIfNull(registrations);
        ArgumentNullException.ThrowIfNull(tenants);
        var diagnostics = new List<Diagnostic>();
        CheckRegistrations(registrations, diagnostics);
        CheckMappings(registrations, tenants, diagnostics);
        CheckUrns(registrations, tenants, diagnostics);
        return diagnostics;
    }

    /// <summary>The name a mapping's URN ends with (see <see cref="TenantRegistration.Expand(string, string, IReadOnlyList{Registration}, IReadOnlyList{Tenant})"/>).</summary>
    public static string MappingName(string registrationKey, string tenantKey) => $"{registrationKey}-{tenantKey}";

    // URNs are compared ordinally, but a name that differs only in case is a mistake waiting to happen (exports,
    // case-insensitive file systems, people): both collisions are refused.
    private static void CheckUrns(IReadOnlyList<Registration> registrations, IReadOnlyList<Tenant> tenants, List<Diagnostic> diagnostics)
    {
        var components = new Dictionary<string, Registration>(StringComparer.OrdinalIgnoreCase);
        foreach (var registration in registrations)
        {
            if (!components.TryAdd(registration.Key, registration))
            {
                var first = components[registration.Key];
                diagnostics.Add(DiagnosticCatalog.UrnCollision(registration.Span, registration.Key, $"registration '{DiagnosticCatalog.Excerpt(registration.Key)}'", $"registration '{DiagnosticCatalog.Excerpt(first.Key)}'", first.Span.Line));
            }
        }

        // A name is "{registration}-{tenant}". When no registration key begins with another's key and a dash, a name
        // tells its registration, so two names can only meet through two tenant keys that differ in case alone: a
        // million mappings are then checked through their tenants, without making a million names.
        if (!NamesCanMeet(registrations, tenants))
        {
            return;
        }

        var declared = registrations.Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
        var names = new Dictionary<string, (string Registration, Tenant Tenant, TenantMapping Mapping)>(StringComparer.OrdinalIgnoreCase);
        foreach (var tenant in tenants)
        {
            foreach (var mapping in tenant.Mappings.Where(m => declared.Contains(m.RegistrationKey)))
            {
                var name = MappingName(mapping.RegistrationKey, tenant.Key);
                if (names.TryAdd(name, (mapping.RegistrationKey, tenant, mapping)))
                {
                    continue;
                }

                // The same tenant listing a registration twice is PRV026 already.
                var first = names[name];
                if (first.Registration != mapping.RegistrationKey || !ReferenceEquals(first.Tenant, tenant))
                {
                    diagnostics.Add(DiagnosticCatalog.UrnCollision(
                        mapping.Span,
                        name,
                        $"tenant '{DiagnosticCatalog.Excerpt(tenant.Key)}' on registration '{DiagnosticCatalog.Excerpt(mapping.RegistrationKey)}'",
                        $"tenant '{DiagnosticCatalog.Excerpt(first.Tenant.Key)}' on registration '{DiagnosticCatalog.Excerpt(first.Registration)}'",
                        first.Mapping.Span.Line));
                }
            }
        }
    }

    private static bool NamesCanMeet(IReadOnlyList<Registration> registrations, IReadOnlyList<Tenant> tenants)
    {
        foreach (var a in registrations)
        {
            foreach (var b in registrations)
            {
                var sameInCase = !ReferenceEquals(a, b) && string.Equals(a.Key, b.Key, StringComparison.OrdinalIgnoreCase);
                if (sameInCase || (b.Key.Length > a.Key.Length && b.Key[a.Key.Length] == '-' && b.Key.StartsWith(a.Key, StringComparison.OrdinalIgnoreCase)))
                {
                    return true;
                }
            }
        }

        var keys = new HashSet<string>(tenants.Count, StringComparer.OrdinalIgnoreCase);
        return tenants.Any(t => !keys.Add(t.Key));
    }

    private static void CheckRegistrations(IReadOnlyList<Registration> registrations, List<Diagnostic> diagnostics)
    {
        var byArmId = new Dictionary<string, Registration>(StringComparer.OrdinalIgnoreCase);
        foreach (var registration in registrations)
        {
            var armId = $"{registration.SubscriptionId}/{registration.ResourceGroup}/{registration.Name}";
            if (!byArmId.TryAdd(armId, registration))
            {
                diagnostics.Add(DiagnosticCatalog.RegistrationDeclaredTwice(registration.Span, registration.Key, byArmId[armId].Key));
            }
        }
    }

    private static void CheckMappings(IReadOnlyList<Registration> registrations, IReadOnlyList<Tenant> tenants, List<Diagnostic> diagnostics)
    {
        // Per declared registration key (ordinal, YAML keys): who holds each tenant id and each customer subscription (GUIDs ignore case).
        var byRegistration = new Dictionary<string, (Dictionary<string, (Tenant Tenant, TenantMapping Mapping)> ByTenantId, Dictionary<string, (Tenant Tenant, TenantMapping Mapping)> BySubscription)>(StringComparer.Ordinal);
        foreach (var key in registrations.Select(r => r.Key))
        {
            byRegistration.TryAdd(key, (new(StringComparer.OrdinalIgnoreCase), new(StringComparer.OrdinalIgnoreCase)));
        }

        // Two holders can only clash when two tenant entries share a tenant id or a subscription: usually none do, and
        // then only a registration listed twice by one tenant is left to find (no million-entry lookups).
        var holding = HoldersCanClash(tenants);
        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tenant in tenants)
        {
            listed.Clear();
            foreach (var mapping in tenant.Mappings)
            {
                if (!byRegistration.TryGetValue(mapping.RegistrationKey, out var holders))
                {
                    continue;
                }

                if (!listed.Add(mapping.RegistrationKey))
                {
                    diagnostics.Add(DiagnosticCatalog.RegistrationListedTwice(mapping.Span, tenant.Key, mapping.RegistrationKey));
                    continue;
                }

                if (!holding)
                {
                    continue;
                }

                var registration = mapping.RegistrationKey;
                var subscription = mapping.CustomerSubscriptionId;
                if (holders.ByTenantId.TryGetValue(tenant.TenantId, out var sameTenant))
                {
                    diagnostics.Add(string.Equals(sameTenant.Mapping.CustomerSubscriptionId, subscription, StringComparison.OrdinalIgnoreCase)
                        ? DiagnosticCatalog.MappingDeclaredTwice(mapping.Span, registration, subscription, sameTenant.Tenant.Key)
                        : DiagnosticCatalog.TenantOverwrite(mapping.Span, registration, tenant.TenantId, sameTenant.Mapping.CustomerSubscriptionId, subscription, sameTenant.Tenant.Key));
                    continue;
                }

                if (holders.BySubscription.TryGetValue(subscription, out var sameSubscription))
                {
                    diagnostics.Add(DiagnosticCatalog.SubscriptionClaimedTwice(mapping.Span, registration, subscription, sameSubscription.Tenant.Key, tenant.Key));
                    continue;
                }

                holders.ByTenantId.Add(tenant.TenantId, (tenant, mapping));
                holders.BySubscription.Add(subscription, (tenant, mapping));
            }
        }
    }

    private static bool HoldersCanClash(IReadOnlyList<Tenant> tenants)
    {
        var tenantIds = new HashSet<string>(tenants.Count, StringComparer.OrdinalIgnoreCase);
        var subscriptions = new Dictionary<string, Tenant>(tenants.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var tenant in tenants)
        {
            if (!tenantIds.Add(tenant.TenantId))
            {
                return true;
            }

            string? last = null;
            foreach (var mapping in tenant.Mappings)
            {
                // A tenant's mappings mostly share one subscription (one string): look each distinct one up once.
                if (ReferenceEquals(mapping.CustomerSubscriptionId, last))
                {
                    continue;
                }

                last = mapping.CustomerSubscriptionId;
                if (subscriptions.TryGetValue(last, out var holder))
                {
                    if (!ReferenceEquals(holder, tenant))
                    {
                        return true;
                    }
                }
                else
                {
                    subscriptions.Add(last, tenant);
                }
            }
        }

        return false;
    }
}
