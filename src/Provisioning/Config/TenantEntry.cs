namespace Provisioning.Config;

/// <summary>
/// A tenant as a stack file declares it: its key, its tenant id, the customer subscription it is billed to, and each
/// registration it is mapped on (with a subscription of its own where that one differs). What <c>provision init</c> and
/// <c>import --write</c> write; ids are in lower case, as the stack file reader expects them.
/// </summary>
/// <param name="Key">The tenant's key under <c>tenants</c>.</param>
/// <param name="TenantId">The tenant (directory) id.</param>
/// <param name="SubscriptionId">The customer subscription most of its registrations bill to.</param>
/// <param name="Registrations">The registrations it is mapped on, in the order given.</param>
public sealed record TenantEntry(string Key, string TenantId, string SubscriptionId, IReadOnlyList<TenantEntryRegistration> Registrations)
{
    /// <summary>
    /// Groups mappings into one entry per tenant key, sorted by key. A tenant's <see cref="SubscriptionId"/> is the
    /// subscription most of its mappings use (the smallest id on a tie, so the same mappings always give the same file);
    /// its registrations keep the order of <paramref name="mappings"/>.
    /// </summary>
    public static IReadOnlyList<TenantEntry> Group(IEnumerable<FoundMapping> mappings)
    {
        ArgumentNullException.ThrowIfNull(mappings);
        return [.. mappings
            .GroupBy(m => m.TenantKey, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(tenant =>
            {
                var main = tenant
                    .GroupBy(m => m.SubscriptionId.ToLowerInvariant(), StringComparer.Ordinal)
                    .OrderByDescending(g => g.Count())
                    .ThenBy(g => g.Key, StringComparer.Ordinal)
                    .First().Key;
                var registrations = tenant
                    .Select(m => new TenantEntryRegistration(m.RegistrationKey, string.Equals(m.SubscriptionId, main, StringComparison.OrdinalIgnoreCase) ? null : m.SubscriptionId.ToLowerInvariant()))
                    .ToList();
                return new TenantEntry(tenant.Key, tenant.First().TenantId.ToLowerInvariant(), main, registrations);
            })];
    }
}
