using Provisioning.AzureStack;
using Provisioning.Planning;
using Spectre.Console;

namespace Provisioning.Cli.Rendering;

/// <summary>Renders plans for people: one line per step with <c>+</c> create, <c>~</c> update, <c>-</c> delete, then a summary.</summary>
internal static class PlanRenderer
{
    /// <summary>The symbol and colour of a step kind.</summary>
    public static (string Symbol, string Verb, string Colour) Style(StepKind kind) => kind switch
    {
        StepKind.Create => ("+", "create", "green"),
        StepKind.Update => ("~", "update", "yellow"),
        StepKind.Delete => ("-", "delete", "red"),
        StepKind.Forget => ("x", "forget", "grey"),
        _ => ("=", "same", "grey"),
    };

    /// <summary>The tenant a mapping step concerns, from the desired or current properties.</summary>
    public static string Tenant(Step step)
    {
        ArgumentNullException.ThrowIfNull(step);
        var properties = step.Desired?.Properties ?? step.Current?.Properties;
        return properties is not null && properties.TryGetValue(TenantRegistration.TenantIdProperty, out var t) ? t : "?";
    }

    /// <summary>Writes every step that changes something (and, with <paramref name="showSame"/>, the unchanged ones).</summary>
    public static void WritePlan(IAnsiConsole console, Plan plan, bool showSame)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(plan);
        foreach (var step in plan.Steps.Where(s => showSame || s.Kind != StepKind.Same))
        {
            WriteStep(console, step);
        }
    }

    /// <summary>Writes one step: symbol, verb, name, ARM id, tenant, then its property changes and notes.</summary>
    public static void WriteStep(IAnsiConsole console, Step step)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(step);
        var (symbol, verb, colour) = Style(step.Kind);
        console.MarkupLineInterpolated($"  [{colour}]{symbol} {verb,-6}[/] {step.Urn.Name}  {step.Id}  tenant {Tenant(step)}");
        if (step.Kind == StepKind.Update)
        {
            foreach (var diff in step.Diffs)
            {
                console.MarkupLineInterpolated($"      [yellow]{diff.Name}: {diff.Before ?? "(none)"} => {diff.After ?? "(none)"}[/]");
            }
        }

        if (step.Note is not null)
        {
            console.MarkupLineInterpolated($"      [grey]{step.Note}[/]");
        }

        if (step.Kind == StepKind.Delete)
        {
            console.MarkupLineInterpolated($"      [grey]after this delete, usage of tenant {Tenant(step)} on this registration is billed to the registration's own subscription[/]");
        }
    }

    /// <summary>Writes the counts per kind.</summary>
    public static void WriteSummary(IAnsiConsole console, Plan plan)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(plan);
        if (!plan.HasChanges)
        {
            console.MarkupLineInterpolated($"No changes: {plan.Count(StepKind.Same)} mappings already as desired.");
            return;
        }

        var parts = new List<string>();
        Add(parts, plan.Count(StepKind.Create), "to create", "green");
        Add(parts, plan.Count(StepKind.Update), "to update", "yellow");
        Add(parts, plan.Count(StepKind.Delete), "to delete", "red");
        Add(parts, plan.Count(StepKind.Forget), "to forget", "grey");
        Add(parts, plan.Count(StepKind.Same), "unchanged", "grey");
        console.MarkupLine("Changes: " + string.Join(", ", parts));
    }

    private static void Add(List<string> parts, int count, string text, string colour)
    {
        if (count > 0)
        {
            parts.Add($"[{colour}]{count} {Markup.Escape(text)}[/]");
        }
    }
}
