using Provisioning.Diagnostics;
using Provisioning.State;

namespace Provisioning.Planning;

/// <summary>
/// No silent mass delete: an update that removes (deletes or overwrites, <see cref="Plan.Removals"/>) at least
/// <see cref="MinimumRemovals"/> mappings and more than half of those the stack manages (its state) needs
/// <c>--allow-mass-delete</c>. A stack file cut short or a tenants section emptied by mistake is then refused instead of
/// emptying the registrations. <c>destroy</c> is exempt: removing everything is its job.
/// </summary>
public static class MassDeleteGuard
{
    /// <summary>Removing fewer mappings than this (default 2) never needs the flag, whatever the stack's size.</summary>
    public const int MinimumRemovals = 2;

    /// <summary>One finding when the plan is a mass delete without <see cref="GuardOptions.AllowMassDelete"/>; none otherwise.</summary>
    public static IReadOnlyList<Diagnostic> Check(Plan plan, IReadOnlyCollection<ResourceState> state, GuardOptions options)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Mode == PlanMode.Destroy || options.AllowMassDelete)
        {
            return [];
        }

        var removals = plan.Removals;
        return removals >= MinimumRemovals && removals * 2 > state.Count
            ? [DiagnosticCatalog.MassDelete(options.Where, options.Apply, removals, state.Count)]
            : [];
    }
}
