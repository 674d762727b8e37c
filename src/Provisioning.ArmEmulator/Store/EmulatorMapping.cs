namespace Provisioning.ArmEmulator;

/// <summary>One customer subscription (tenant mapping) under a registration, as the emulator holds it.</summary>
/// <param name="Registration">The parent registration.</param>
/// <param name="CustomerSubscriptionId">The customer subscription id, in the casing the caller last used.</param>
/// <param name="TenantId">The tenant id the customer subscription is mapped to.</param>
/// <param name="Etag">The etag the caller sent with the PUT, or null.</param>
public sealed record EmulatorMapping(
    EmulatorRegistration Registration,
    string CustomerSubscriptionId,
    string TenantId,
    string? Etag)
{
    /// <summary>Gets who created and last wrote the mapping over HTTP, and when; null for seeded mappings.</summary>
    public EmulatorSystemData? SystemData { get; init; }

    /// <summary>Gets the ARM resource id of the customer subscription.</summary>
    public string Id => $"{Registration.Id}/customerSubscriptions/{CustomerSubscriptionId}";
}
