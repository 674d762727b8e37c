using Provisioning.AzureStack;
using Provisioning.Planning;
using Spectre.Console;

namespace Provisioning.Cli.Rendering;

/// <summary>
/// Renders plans for people, grouped by registration: a header per registration (name, resource group, subscription),
/// one line per step with <c>+</c> create, <c>~</c> update, <c>-</c> delete naming the mapping by its URN name and tenant
/// (the ARM id with <c>--show-ids</c>), a summary line per registration, then the counts of the whole plan.
/// </summary>
internal static partial class PlanRenderer
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

    /// <summary>A step as one line names it, as markup: <c>west-contoso  tenant 6b0d…</c>, and with <paramref name="showIds"/> the ARM id after it.</summary>
    public static string Name(Step step, bool showIds)
    {
        ArgumentNullException.ThrowIfNull(step);
        var name = $"{Markup.Escape(step.Urn.Name)}  tenant {Markup.Escape(Tenant(step))}";
        return showIds ? $"{name}  {Markup.Escape(step.Id.ToString())}" : name;
    }

    /// <summary>
    /// Writes, registration by registration, every step that changes something (and, with <paramref name="showSame"/>, the
    /// unchanged ones), each PUT with the mappings it overwrites, then the unmanaged mappings <c>--prune</c> would delete,
    /// marked <c>?</c> (or <c>!</c> when a PUT of the plan overwrites them), and a summary line. A registration with
    /// nothing to show is left out. With <paramref name="diff"/>, every change lists its properties before and after.
    /// </summary>
    public static void WritePlan(IAnsiConsole console, Plan plan, bool showSame, bool diff = false, bool showIds = false)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(plan);

        // Nothing to show (a no-change plan, the daily case at any size): no grouping, no index of every step.
        if (!showSame && plan.Unmanaged.IsEmpty && !plan.Steps.Any(s => s.Kind != StepKind.Same))
        {
            return;
        }

        // A tenant that the plan keeps mapped on a registration (re-mapped or unchanged) is not left to the registration's
        // own subscription; only a delete asks, so the index is made only for a plan that deletes.
        var mapped = new Lazy<HashSet<(Model.ArmResourceId?, string)>>(() => [.. plan.Steps.Where(s => s.Desired is not null).Select(s => (s.Id.Parent, Tenant(s).ToLowerInvariant()))]);
        var replacedFirst = plan.Overwrites.ToLookup(o => o.Removed.Id);
        var overwrittenBy = plan.Overwrites.ToLookup(o => o.By, ReferenceEqualityComparer.Instance);
        foreach (var group in RegistrationGroup.Of(plan))
        {
            var shown = group.Steps.Where(s => showSame || s.Kind != StepKind.Same).ToList();
            if (shown.Count == 0 && group.Unmanaged.Count == 0)
            {
                continue;
            }

            console.WriteLine();
            console.MarkupLineInterpolated($"Registration [bold]{group.Name}[/]  [grey]({group.Location})[/]");
            foreach (var step in shown)
            {
                WriteStep(console, step, diff, step.Kind == StepKind.Delete && mapped.Value.Contains((step.Id.Parent, Tenant(step).ToLowerInvariant())), showIds);
                foreach (var o in step.Kind == StepKind.Delete ? replacedFirst[step.Id] : [])
                {
                    console.MarkupLineInterpolated($"      [grey]the PUT of {Shown(o.By, showIds)} replaces it first (one subscription per tenant per registration)[/]");
                }

                foreach (var o in overwrittenBy[step])
                {
                    var owner = o.Owner is null ? o.Managed ? "managed by this stack" : "in no stack" : $"managed by stack {o.Owner}";
                    console.MarkupLineInterpolated($"      [red]! overwrites {Shown(o, showIds)} ({owner}): the PUT removes it[/]");
                }
            }

            foreach (var step in group.Unmanaged)
            {
                if (replacedFirst[step.Id].FirstOrDefault() is { } overwrite)
                {
                    console.MarkupLine($"  [red]! {"overwrite",-9}[/] {Name(step, showIds)}");
                    console.MarkupLineInterpolated($"      [grey]in no stack and not in the state, but the PUT of {Shown(overwrite.By, showIds)} replaces it (one subscription per tenant per registration): up needs --prune[/]");
                    continue;
                }

                console.MarkupLine($"  [magenta]? {"unmanaged",-9}[/] {Name(step, showIds)}");
                console.MarkupLine("      [grey]in Azure under a managed registration, but in no stack and not in the state: up --prune would delete it[/]");
            }

            WriteGroupSummary(console, group, plan);
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
    /// Writes one step: symbol, verb, name and tenant (and ARM id with <paramref name="showIds"/>), then its property changes
    /// and notes. A delete says where the tenant's usage is billed next, unless <paramref name="remapped"/> (the same plan
    /// keeps the tenant mapped on that registration).
    /// </summary>
    public static void WriteStep(IAnsiConsole console, Step step, bool diff = false, bool remapped = false, bool showIds = false)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(step);
        var (symbol, verb, colour) = Style(step.Kind);
        var marker = step.Pruned ? " [magenta](prune: in no stack)[/]" : string.Empty;
        console.MarkupLine($"  [{colour}]{symbol} {verb,-6}[/] {Name(step, showIds)}{marker}");
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
            console.MarkupLineInterpolated($"      [grey]{BillingAfterDelete(step)}[/]");
        }
    }

    /// <summary>What a delete means for billing, when the plan does not map the tenant on that registration again.</summary>
    public static string BillingAfterDelete(Step step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return $"after this delete, usage of tenant {Tenant(step)} on this registration is billed to the registration's own subscription";
    }

    /// <summary>The PUT that removes a mapping, by name (by ARM id with <paramref name="showIds"/>).</summary>
    private static string Shown(Step put, bool showIds) => showIds ? put.Id.ToString() : put.Urn.Name;

    /// <summary>The mapping an overwrite removes and its tenant, by name (by ARM id with <paramref name="showIds"/>).</summary>
    private static string Shown(Overwrite overwrite, bool showIds) => showIds
        ? OverwriteGuard.Describe(overwrite)
        : $"{overwrite.Removed.Urn.Name} (tenant {overwrite.Removed.Properties.GetValueOrDefault(TenantRegistration.TenantIdProperty) ?? "?"})";

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
}
