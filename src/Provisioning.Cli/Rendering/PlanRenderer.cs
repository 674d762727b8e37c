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
        StepKind.Adopt => ("<", "adopt", "cyan"),
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
    /// Writes every step that changes something (and, with <paramref name="showSame"/>, the unchanged ones), each PUT with
    /// the mappings it overwrites, then the unmanaged resources <c>--prune</c> would delete, marked <c>?</c> (or <c>!</c> when
    /// a PUT of the plan overwrites them). With <paramref name="diff"/>, every change lists its properties before and after.
    /// </summary>
    public static void WritePlan(IAnsiConsole console, Plan plan, bool showSame, bool diff = false)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(plan);

        // A tenant that the plan keeps mapped on a registration (re-mapped or unchanged) is not left to the registration's own subscription.
        var mapped = plan.Steps.Where(s => s.Desired is not null).Select(s => (s.Id.Parent, Tenant(s).ToLowerInvariant())).ToHashSet();
        foreach (var step in plan.Steps.Where(s => showSame || s.Kind != StepKind.Same))
        {
            WriteStep(console, step, diff, mapped.Contains((step.Id.Parent, Tenant(step).ToLowerInvariant())));
            foreach (var o in plan.Overwrites.Where(o => step.Kind == StepKind.Delete && o.Removed.Id == step.Id))
            {
                console.MarkupLineInterpolated($"      [grey]the PUT of {o.By.Id} replaces it first (one subscription per tenant per registration)[/]");
            }

            foreach (var o in plan.Overwrites.Where(o => ReferenceEquals(o.By, step)))
            {
                var owner = o.Owner is null ? o.Managed ? "managed by this stack" : "in no stack" : $"managed by stack {o.Owner}";
                console.MarkupLineInterpolated($"      [red]! overwrites {OverwriteGuard.Describe(o)} ({owner}): the PUT removes it[/]");
            }
        }

        foreach (var step in plan.Unmanaged)
        {
            if (plan.Overwrites.FirstOrDefault(o => o.Removed.Id == step.Id) is { } overwrite)
            {
                console.MarkupLineInterpolated($"  [red]! {"overwrite",-9}[/] {step.Id}  tenant {Tenant(step)}");
                console.MarkupLineInterpolated($"      [grey]in no stack and not in the state, but the PUT of {overwrite.By.Id} replaces it (one subscription per tenant per registration): up needs --prune[/]");
                continue;
            }

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

    /// <summary>
    /// Writes one step: symbol, verb, name, ARM id, tenant, then its property changes and notes. A delete says where the
    /// tenant's usage is billed next, unless <paramref name="remapped"/> (the same plan keeps the tenant mapped on that registration).
    /// </summary>
    public static void WriteStep(IAnsiConsole console, Step step, bool diff = false, bool remapped = false)
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

        if (step.Kind == StepKind.Delete && !remapped)
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

        var parts = new List<string>();
        var removals = plan.Removals;
        var overwritten = removals - plan.Count(StepKind.Delete);
        Add(parts, plan.Count(StepKind.Create), "to create", "green");
        Add(parts, plan.Count(StepKind.Update), "to update", "yellow");
        Add(parts, removals, overwritten > 0 ? $"to delete ({overwritten} by overwrite)" : "to delete", "red");
        Add(parts, plan.Count(StepKind.Adopt), "to adopt (state only)", "cyan");
        Add(parts, plan.Count(StepKind.Forget), "to forget", "grey");
        Add(parts, plan.Count(StepKind.Same), "unchanged", "grey");
        console.MarkupLine("Changes: " + string.Join(", ", parts));
        WriteUnmanagedCount(console, plan);
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
