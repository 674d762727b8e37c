namespace Provisioning.Config;

/// <summary>One registration of a <see cref="TenantEntry"/>.</summary>
/// <param name="RegistrationKey">The registration's key under <c>registrations</c>.</param>
/// <param name="SubscriptionId">The customer subscription of this registration, or null for the tenant's own.</param>
public sealed record TenantEntryRegistration(string RegistrationKey, string? SubscriptionId);
