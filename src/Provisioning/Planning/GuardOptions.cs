using Provisioning.Diagnostics;
using Provisioning.Model;

namespace Provisioning.Planning;

/// <summary>What the plan guards need to know about the run besides the plan and the state.</summary>
/// <param name="Mode">Update (preview, up) or destroy.</param>
/// <param name="Apply">True for up and destroy, whose findings are errors; false for preview, whose findings are warnings saying what up would need.</param>
/// <param name="Where">Where the findings are reported (the stack file).</param>
public sealed record GuardOptions(PlanMode Mode, bool Apply, SourceSpan Where)
{
    /// <summary><c>--prune</c>: unmanaged mappings may be removed (deleted, or overwritten by a PUT).</summary>
    public bool Prune { get; init; }

    /// <summary><c>--allow-mass-delete</c>: the plan may remove more than half of the mappings the stack manages.</summary>
    public bool AllowMassDelete { get; init; }

    /// <summary>Per id, another stack of the project that declares it or holds it in its state (empty when none does).</summary>
    public IReadOnlyDictionary<ArmResourceId, string> OtherStacks { get; init; } = new Dictionary<ArmResourceId, string>();
}
