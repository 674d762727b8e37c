namespace Provisioning.Cli.Rendering.Json;

/// <summary>
/// Terraform's <c>resource_drift</c> entry (format 1.3): a mapping the state records that changed in Azure since —
/// <c>update</c> with the properties that differ (recorded → found), or <c>delete</c> when it is gone.
/// </summary>
internal sealed record ResourceDrift(string Address, string Id, string Action, IReadOnlyList<PropertyChange> Changes);
