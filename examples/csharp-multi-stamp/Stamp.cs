namespace TenantRegistrations;

/// <summary>One stamp of the stack's config (<c>tenant-registrations:stamps</c>): its key and its registration.</summary>
internal sealed record Stamp(string Key, string SubscriptionId, string RegistrationName, string? ResourceGroup);
