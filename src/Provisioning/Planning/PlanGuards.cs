using Provisioning.Diagnostics;
using Provisioning.State;

namespace Provisioning.Planning;

/// <summary>
/// The safety guards a plan passes before it is applied: nothing disappears unlisted (<see cref="OverwriteGuard"/>),
/// no stack removes another stack's mapping (<see cref="SiblingDeleteGuard"/>), no silent mass delete (<see cref="MassDeleteGuard"/>).
/// Pure: the same plan, state and options give the same findings.
/// </summary>
public static class PlanGuards
{
    /// <summary>Every finding of every guard: errors for up and destroy, warnings for preview (see <see cref="GuardOptions.Apply"/>).</summary>
    public static IReadOnlyList<Diagnostic> Check(Plan plan, IReadOnlyCollection<ResourceState> state, GuardOptions options)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(options);
        return [.. OverwriteGuard.Check(plan, options), .. SiblingDeleteGuard.Check(plan, options), .. MassDeleteGuard.Check(plan, state, options)];
    }
}
