using Provisioning.Diagnostics;

namespace Provisioning.Planning;

/// <summary>
/// A mapping that another stack of the project declares or records is never deleted by this stack (two stacks holding
/// one mapping is a conflict to resolve by hand). <c>--prune</c> already leaves such mappings out; this covers the
/// deletes of this stack's own state, for up and destroy alike.
/// </summary>
public static class SiblingDeleteGuard
{
    /// <summary>One finding per DELETE step whose id another stack claims.</summary>
    public static IReadOnlyList<Diagnostic> Check(Plan plan, GuardOptions options)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(options);
        return [.. plan.Steps
            .Where(s => s.Kind == StepKind.Delete)
            .Select(s => (Step: s, Owner: options.OtherStacks.GetValueOrDefault(s.Id)))
            .Where(x => x.Owner is not null)
            .Select(x => DiagnosticCatalog.SiblingDelete(options.Where, options.Apply, x.Step.Urn.Value, x.Step.Id.ToString(), x.Owner!))];
    }
}
