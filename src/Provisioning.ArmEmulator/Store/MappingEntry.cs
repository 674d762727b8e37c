namespace Provisioning.ArmEmulator;

/// <summary>One stored customer subscription: its name as the caller cased it, its tenant, and its optional etag and audit.</summary>
/// <param name="Name">The customer subscription id in the caller's casing.</param>
/// <param name="TenantId">The tenant id (a GUID string).</param>
/// <param name="Etag">The etag sent with the PUT, or null.</param>
/// <param name="SystemData">Who created and last wrote it over HTTP; null for seeded mappings.</param>
internal sealed record MappingEntry(string Name, string TenantId, string? Etag, EmulatorSystemData? SystemData = null);
