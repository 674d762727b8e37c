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

    /// <summary>
    /// Writes every step that changes something (and, with <paramref name="showSame"/>, the unchanged ones), then the
    /// unmanaged resources <c>--prune</c> would delete, marked <c>?</c>. With <paramref name="diff"/>, every change lists its properties before and after.
    /// </summary>
    public static void WritePlan(IAnsiConsole console, Plan plan, bool showSame, bool diff = false)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(plan);
        foreach (var step in plan.Steps.Where(s => showSame || s.Kind != StepKind.Same))
        {
            WriteStep(console, step, diff);
        }

        foreach (var step in plan.Unmanaged)
        {
            console.MarkupLineInterpolated($"  [magenta]? {"unmanaged",-9}[/] {step.Id}  tenant {Tenant(step)}");
            console.MarkupLine("      [grey]in Azure under a managed registration, but in no stack and not in the state: up --prune would delete it[/]");
        }
    }

    /// <summary>Writes warnings (e.g. a tenant missing from some registrations) in yellow.</summary>
    public static void WriteWarnings(IAnsiConsole console, IEnumerable<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(warnings);
        foreach (var warning in warnings)
        {
            console.MarkupLineInterpolated($"[yellow]warning:[/] {warning}");
        }
    }

    /// <summary>Writes one step: symbol, verb, name, ARM id, tenant, then its property changes and notes.</summary>
    public static void WriteStep(IAnsiConsole console, Step step, bool diff = false)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(step);
        var (symbol, verb, colour) = Style(step.Kind);
        var marker = step.Pruned ? " [magenta](prune: in no stack)[/]" : string.Empty;
        console.MarkupLine($"  [{colour}]{symbol} {verb,-6}[/] {Markup.Escape(step.Urn.Name)}  {Markup.Escape(step.Id.ToString())}  tenant {Markup.Escape(Tenant(step))}{marker}");
        if (diff && step.Kind != StepKind.Same)
        {
            WriteProperties(console, step);
        }
        else if (step.Kind == StepKind.Update)
        {
            foreach (var d in step.Diffs)
            {
                console.MarkupLineInterpolated($"      [yellow]{d.Name}: {d.Before ?? "(none)"} => {d.After ?? "(none)"}[/]");
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

    /// <summary>Every property of a change, before and after, marked <c>+</c> added, <c>-</c> removed, <c>~</c> changed, <c>=</c> kept.</summary>
    private static void WriteProperties(IAnsiConsole console, Step step)
    {
        var before = step.Current?.Properties;
        var after = step.Desired?.Properties;
        var names = (before?.Keys ?? []).Union(after?.Keys ?? [], StringComparer.Ordinal).Order(StringComparer.Ordinal);
        foreach (var name in names)
        {
            string? b = null;
            string? a = null;
            before?.TryGetValue(name, out b);
            after?.TryGetValue(name, out a);
            var line = (b, a) switch
            {
                (null, _) => $"      [green]+ {Markup.Escape(name)}: {Markup.Escape(a!)}[/]",
                (_, null) when step.Kind is StepKind.Forget => $"      [grey]  {Markup.Escape(name)}: {Markup.Escape(b)} (left in Azure)[/]",
                (_, null) => $"      [red]- {Markup.Escape(name)}: {Markup.Escape(b)}[/]",
                _ when string.Equals(a, b, StringComparison.OrdinalIgnoreCase) => $"      [grey]= {Markup.Escape(name)}: {Markup.Escape(a!)}[/]",
                _ => $"      [yellow]~ {Markup.Escape(name)}: {Markup.Escape(b)} => {Markup.Escape(a!)}[/]",
            };
            console.MarkupLine(line);
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
            WriteUnmanagedCount(console, plan);
            return;
        }

        var parts = new List<string>();
        Add(parts, plan.Count(StepKind.Create), "to create", "green");
        Add(parts, plan.Count(StepKind.Update), "to update", "yellow");
        Add(parts, plan.Count(StepKind.Delete), "to delete", "red");
        Add(parts, plan.Count(StepKind.Forget), "to forget", "grey");
        Add(parts, plan.Count(StepKind.Same), "unchanged", "grey");
        console.MarkupLine("Changes: " + string.Join(", ", parts));
        WriteUnmanagedCount(console, plan);
    }

    private static void WriteUnmanagedCount(IAnsiConsole console, Plan plan)
    {
        if (!plan.Unmanaged.IsEmpty)
        {
            console.MarkupLineInterpolated($"[magenta]{plan.Unmanaged.Length} unmanaged[/] mapping(s) under managed registrations: not touched without --prune.");
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
