namespace Provisioning.Planning;

/// <summary>Restricts a plan to the steps that <c>--target</c> names; the other resources are left alone.</summary>
public static class Targeting
{
    /// <summary>The patterns that match no step, unmanaged candidate or refused delete of <paramref name="plan"/>: a typo, most likely.</summary>
    public static IReadOnlyList<TargetPattern> Unmatched(Plan plan, IReadOnlyCollection<TargetPattern> targets)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(targets);
        return [.. targets.Where(t => !plan.Steps.Any(t.Matches) && !plan.Unmanaged.Any(t.Matches) && !plan.Refused.Any(t.Matches))];
    }

    /// <summary>
    /// Keeps the steps, unmanaged candidates and refused deletes that match any pattern; with no pattern the
    /// plan is returned unchanged. The error of a refused delete outside the target is dropped with it.
    /// </summary>
    public static Plan Apply(Plan plan, IReadOnlyCollection<TargetPattern> targets)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(targets);
        if (targets.Count == 0)
        {
            return plan;
        }

        bool Wanted(Step s) => targets.Any(t => t.Matches(s));
        var dropped = plan.Refused.Where(s => !Wanted(s)).Select(s => s.Urn.Value).ToList();
        return plan with
        {
            Steps = [.. plan.Steps.Where(Wanted)],
            Unmanaged = [.. plan.Unmanaged.Where(Wanted)],
            Refused = [.. plan.Refused.Where(Wanted)],
            Errors = [.. plan.Errors.Where(e => !dropped.Any(urn => e.StartsWith(urn + " ", StringComparison.Ordinal)))],
        };
    }
}
