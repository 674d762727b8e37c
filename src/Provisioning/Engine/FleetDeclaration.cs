using Provisioning.AzureStack;
using Provisioning.Config;
using Provisioning.Diagnostics;
using Provisioning.Model;

namespace Provisioning.Engine;

/// <summary>
/// Names what <c>init --from-azure</c> found, as a stack file declares it: a readable, unique key per registration (its
/// name, lower case, without the usual <c>azurestack-</c> prefix, numbered when two would share one) and the tenant keys
/// import gives (<see cref="AdoptedNames.AllocateTenantKeys"/>). The same fleet always gives the same names.
/// </summary>
internal static class FleetDeclaration
{
    private const string UsualPrefix = "azurestack-";

    /// <summary>The registrations with their keys, ordered by id; subscription ids in lower case.</summary>
    public static IReadOnlyList<Registration> Registrations(IEnumerable<ArmResourceId> ids, string stackFile)
    {
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = new List<Registration>();
        foreach (var id in ids.OrderBy(i => i.ToString(), StringComparer.OrdinalIgnoreCase))
        {
            var key = KeyOf(id.Name);
            var unique = key;
            for (var n = 2; !used.Add(unique); n++)
            {
                unique = $"{key}-{n}";
            }

            result.Add(new Registration(unique, id.SubscriptionId.ToLowerInvariant(), id.ResourceGroup!, id.Name, SourceSpan.WholeFile(stackFile)));
        }

        return result;
    }

    /// <summary>
    /// The tenants of the found mappings (those under <paramref name="stack"/>'s registrations that name a tenant), keyed as
    /// import keys them, ids in lower case; a tenant's registrations follow the order of the stack's. <paramref name="skipped"/>
    /// counts the mappings left out (no tenant id).
    /// </summary>
    public static IReadOnlyList<TenantEntry> Tenants(StackDefinition stack, IEnumerable<ObservedResource> mappings, out int skipped)
    {
        var order = stack.Registrations.Select((r, i) => (r.Key, i)).ToDictionary(x => x.Key, x => x.i, StringComparer.Ordinal);
        var found = new List<(Registration Registration, string TenantId, string Subscription)>();
        skipped = 0;
        foreach (var mapping in mappings)
        {
            var registration = AdoptedNames.RegistrationOf(stack, mapping.Id);
            var tenantId = mapping.Properties.GetValueOrDefault(TenantRegistration.TenantIdProperty);
            if (registration is null || string.IsNullOrEmpty(tenantId))
            {
                skipped++;
                continue;
            }

            found.Add((registration, tenantId, mapping.Id.Name));
        }

        var keys = AdoptedNames.AllocateTenantKeys(stack, found.Select(f => (f.Registration.Key, f.TenantId)), [], new HashSet<string>(StringComparer.Ordinal));
        return TenantEntry.Group(found
            .OrderBy(f => order[f.Registration.Key])
            .ThenBy(f => f.Subscription, StringComparer.OrdinalIgnoreCase)
            .Select(f => new FoundMapping(keys[AdoptedNames.Sanitized(f.TenantId)], f.TenantId.ToLowerInvariant(), f.Registration.Key, f.Subscription.ToLowerInvariant())));
    }

    /// <summary>A registration name as a key: lower case, the usual prefix dropped, other characters than letters, digits, <c>_ . -</c> as <c>-</c>.</summary>
    internal static string KeyOf(string name)
    {
        var text = name.ToLowerInvariant();
        if (text.StartsWith(UsualPrefix, StringComparison.Ordinal) && text.Length > UsualPrefix.Length)
        {
            text = text[UsualPrefix.Length..];
        }

        var key = new string([.. text.Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-' ? c : '-')]).Trim('-', '.');

        // Room for a "-<n>" suffix within the 100 characters a key may have.
        key = key.Length > 90 ? key[..90].TrimEnd('-', '.') : key;
        return key.Length == 0 ? "registration" : key;
    }
}
