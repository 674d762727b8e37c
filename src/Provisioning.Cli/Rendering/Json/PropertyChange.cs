namespace Provisioning.Cli.Rendering.Json;

/// <summary>One property that drifted: its value as the state recorded it and as Azure holds it (null when absent).</summary>
internal sealed record PropertyChange(string Name, string? Before, string? After);
