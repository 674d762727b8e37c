namespace Provisioning.Cli.Rendering.Json;

/// <summary>How many resources each action concerns; <c>unmanaged</c> counts the prune candidates not in the plan.</summary>
internal sealed record ChangeSummary(int Create, int Update, int Delete, int Forget, int NoOp, int Unmanaged, bool HasChanges);
