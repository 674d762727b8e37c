namespace Provisioning.Cli.Rendering.Json;

/// <summary>
/// How many resources each action concerns; <c>unmanaged</c> counts the prune candidates not in the plan; <c>adopt</c>
/// (format 1.1) the mappings found in Azure as desired that the run records as managed (also counted in <c>no_op</c>).
/// </summary>
internal sealed record ChangeSummary(int Create, int Update, int Delete, int Forget, int NoOp, int Unmanaged, bool HasChanges, int Adopt);
