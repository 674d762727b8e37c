namespace TenantRegistrations;

/// <summary>One line of the tenants CSV: a tenant, the subscription its usage is billed to, and the stamps it is on.</summary>
internal sealed record TenantRow(string Name, string TenantId, string SubscriptionId, IReadOnlySet<string> Stamps, bool Protect)
{
    /// <summary>Removing the tenant forgets its mappings (they stay in Azure) instead of deleting them.</summary>
    public bool RetainOnDelete { get; init; }
}
