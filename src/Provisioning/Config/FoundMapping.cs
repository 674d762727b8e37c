namespace Provisioning.Config;

/// <summary>One mapping to declare: a tenant (by key and id) billed to a customer subscription on a registration (by key).</summary>
/// <param name="TenantKey">The tenant's key.</param>
/// <param name="TenantId">The tenant id.</param>
/// <param name="RegistrationKey">The registration's key.</param>
/// <param name="SubscriptionId">The customer subscription id.</param>
public sealed record FoundMapping(string TenantKey, string TenantId, string RegistrationKey, string SubscriptionId);
