using Provisioning.Planning;
using Spectre.Console;

namespace Provisioning.Cli.Rendering;

/// <summary>The counts of a plan: for the whole plan under it, and for one registration under its steps.</summary>
internal static partial class PlanRenderer
{
    /// <summary>Writes the counts per kind; deletes count every mapping the plan removes, overwrites included (<see cref="Plan.Removals"/>).</summary>
    public static void WriteSummary(IAnsiConsole console, Plan plan)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(plan);
        if (!plan.HasChanges && plan.Overwrites.IsEmpty)
        {
            console.MarkupLineInterpolated($"No changes: {plan.Count(StepKind.Same)} mappings already as desired.");
            WriteUnmanagedCount(console, plan);
            return;
        }

        console.MarkupLine("Changes: " + Counts(plan.Steps, plan.Removals, 0));
        WriteUnmanagedCount(console, plan);
    }

    /// <summary>One registration's line: <c>azurestack-west: 200 to create, 1 to delete (1 by overwrite), 3 unchanged, 2 unmanaged</c>.</summary>
    private static void WriteGroupSummary(IAnsiConsole console, RegistrationGroup group, Plan plan)
    {
        var deleted = group.Steps.Where(s => s.Kind == StepKind.Delete).Select(s => s.Id).ToHashSet();
        var overwritten = plan.Overwrites.Select(o => o.Removed.Id).Where(id => RegistrationGroup.Of(id) == group.Registration && !deleted.Contains(id)).Distinct().Count();
        var counts = Counts(group.Steps, deleted.Count + overwritten, group.Unmanaged.Count);
        console.MarkupLine($"  [grey]{Markup.Escape(group.Name)}:[/] {(counts.Length == 0 ? "no changes" : counts)}");
    }

    /// <summary>The non-zero counts as coloured markup, deletes being <paramref name="removals"/> (the overwritten mappings among them said).</summary>
    private static string Counts(IReadOnlyCollection<Step> steps, int removals, int unmanaged)
    {
        int Count(StepKind kind) => steps.Count(s => s.Kind == kind);
        var parts = new List<string>();
        var overwritten = removals - Count(StepKind.Delete);
        Add(parts, Count(StepKind.Create), "to create", "green");
        Add(parts, Count(StepKind.Update), "to update", "yellow");
        Add(parts, removals, overwritten > 0 ? $"to delete ({overwritten} by overwrite)" : "to delete", "red");
        Add(parts, Count(StepKind.Adopt), "to adopt (state only)", "cyan");
        Add(parts, Count(StepKind.Forget), "to forget", "grey");
        Add(parts, Count(StepKind.Same), "unchanged", "grey");
        Add(parts, unmanaged, "unmanaged", "magenta");
        return string.Join(", ", parts);
    }

    private static void WriteUnmanagedCount(IAnsiConsole console, Plan plan)
    {
        var overwritten = plan.Unmanaged.Count(s => plan.Overwrites.Any(o => o.Removed.Id == s.Id));
        var untouched = plan.Unmanaged.Length - overwritten;
        if (untouched > 0)
        {
            console.MarkupLineInterpolated($"[magenta]{untouched} unmanaged[/] mapping(s) under managed registrations: not touched without --prune.");
        }

        if (overwritten > 0)
        {
            console.MarkupLineInterpolated($"[red]{overwritten} unmanaged[/] mapping(s) would be overwritten by a PUT of this plan: up refuses without --prune.");
        }
    }

    private static void Add(List<string> parts, int count, string text, string colour)
    {
        if (count > 0)
        {
            parts.Add($"[{colour}]{count} {Markup.Escape(text)}[/]");
        }
    }
}
