namespace Provisioning.Cli.Rendering.Json;

/// <summary>The counts of an apply (up, destroy, refresh) and whether it was cancelled.</summary>
internal sealed record ApplyOutcome(int Succeeded, int Failed, int Skipped, bool Cancelled);
