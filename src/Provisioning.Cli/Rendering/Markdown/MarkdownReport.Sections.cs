using System.Text;
using Provisioning.AzureStack;
using Provisioning.Engine;
using Provisioning.Execution;
using Provisioning.Planning;
using static Provisioning.Cli.Rendering.Markdown.MarkdownText;

namespace Provisioning.Cli.Rendering.Markdown;

/// <summary>The sections of the report that list mappings.</summary>
internal static partial class MarkdownReport
{
    private static void WriteDrift(StringBuilder markdown, IReadOnlyList<DriftedResource> drift, RowBudget budget)
    {
        if (drift.Count == 0)
        {
            return;
        }

        markdown.Append($"### Drift since the last run ({drift.Count})\n\n");
        markdown.Append("Changed or deleted in Azure since the state recorded it, not by the stack files. The pending changes below are what this run does about it.\n\n");
        var table = new MarkdownTable("drift", "mapping", "registration", "ARM id", "what changed (recorded → in Azure)");
        foreach (var d in drift)
        {
            var what = d.Deleted
                ? "gone from Azure"
                : string.Join("; ", d.Diffs.Select(p => $"{Escape(p.Name)}: {Code(p.Before ?? "(none)")} → {Code(p.After ?? "(none)")}"));
            table.Add(d.Deleted ? "`- deleted`" : "`~ changed`", Escape(d.Urn.Name), Escape(RegistrationGroup.Of(d.Id).Name), Code(d.Id.ToString()), what);
        }

        table.WriteTo(markdown, $"{drift.Count} drifted mappings", budget);
    }

    /// <summary>The deletes, first: each removes a mapping, and the tenant's usage on that registration is billed elsewhere after it.</summary>
    private static void WriteDeletes(StringBuilder markdown, Plan plan, Dictionary<Step, StepEvent>? outcomes, RowBudget budget)
    {
        var deletes = plan.Steps.Where(s => s.Kind == StepKind.Delete).ToList();
        if (deletes.Count == 0)
        {
            return;
        }

        // A tenant that the plan keeps mapped on a registration (re-mapped or unchanged) is not left to the registration's own subscription.
        var mapped = plan.Steps.Where(s => s.Desired is not null).Select(s => (s.Id.Parent, PlanRenderer.Tenant(s).ToLowerInvariant())).ToHashSet();
        var replacedFirst = plan.Overwrites.ToLookup(o => o.Removed.Id);
        markdown.Append($"### Deletes ({deletes.Count})\n\n");
        markdown.Append("After a delete, usage of the tenant on that registration is billed to the registration's own subscription, unless this plan maps the tenant there again.\n\n");
        var table = WithResult(outcomes, "action", "mapping", "tenant", "registration", "ARM id", "billing after the delete");
        foreach (var step in deletes)
        {
            var registration = RegistrationGroup.Of(step.Id);
            var billing = replacedFirst[step.Id].FirstOrDefault() is { } o
                ? $"the PUT of {Code(o.By.Id.ToString())} replaces it first: billed to that PUT's subscription"
                : mapped.Contains((step.Id.Parent, PlanRenderer.Tenant(step).ToLowerInvariant()))
                    ? "the tenant stays mapped on this registration by another step of this plan"
                    : $"billed to the registration's own subscription {Code(registration.SubscriptionId)}";
            var marker = step.Pruned ? " (prune: in no stack)" : string.Empty;
            Row(table, outcomes, step, "`- delete`", Escape(step.Urn.Name) + marker, Code(PlanRenderer.Tenant(step)), Escape(registration.Name), Code(step.Id.ToString()), billing);
        }

        table.WriteTo(markdown, $"{deletes.Count} deletes", budget);
    }

    /// <summary>Every other change, registration by registration, each with a header and its counts.</summary>
    private static void WriteChanges(StringBuilder markdown, Plan plan, Dictionary<Step, StepEvent>? outcomes, RowBudget budget)
    {
        var groups = RegistrationGroup.Of(plan)
            .Select(g => (Group: g, Steps: g.Steps.Where(s => s.Kind is not (StepKind.Same or StepKind.Delete)).ToList()))
            .Where(g => g.Steps.Count > 0)
            .ToList();
        if (groups.Count == 0)
        {
            return;
        }

        var overwrittenBy = plan.Overwrites.ToLookup(o => o.By, ReferenceEqualityComparer.Instance);
        markdown.Append("### Changes by registration\n\n");
        foreach (var (group, steps) in groups)
        {
            var registration = group.Registration;
            markdown.Append($"#### {Code(group.Name)} · resource group {Code(registration.ResourceGroup)} · subscription {Code(registration.SubscriptionId)}\n\n");
            var counts = steps.GroupBy(s => s.Kind).Select(k => $"{k.Count()} to {PlanRenderer.Style(k.Key).Verb}");
            var deletes = group.Steps.Count(s => s.Kind == StepKind.Delete);
            var same = group.Steps.Count(s => s.Kind == StepKind.Same);
            markdown.Append(string.Join(", ", counts.Concat(deletes > 0 ? [$"{deletes} to delete (above)"] : []).Concat(same > 0 ? [$"{same} unchanged"] : []))).Append("\n\n");
            var table = WithResult(outcomes, "action", "mapping", "tenant", "ARM id", "note");
            foreach (var step in steps)
            {
                var (symbol, verb, _) = PlanRenderer.Style(step.Kind);
                var notes = new List<string>();
                if (step.Kind == StepKind.Update)
                {
                    notes.AddRange(step.Diffs.Select(d => $"{Escape(d.Name)}: {Code(d.Before ?? "(none)")} → {Code(d.After ?? "(none)")}"));
                }

                if (step.Note is not null)
                {
                    notes.Add(Escape(step.Note));
                }

                notes.AddRange(overwrittenBy[step].Select(o => $"overwrites {Code(o.Removed.Id.ToString())}"));
                Row(table, outcomes, step, $"`{symbol} {verb}`", Escape(step.Urn.Name), Code(PlanRenderer.Tenant(step)), Code(step.Id.ToString()), string.Join("; ", notes));
            }

            table.WriteTo(markdown, $"{steps.Count} changes under {Escape(group.Name)}", budget);
        }
    }

    /// <summary>The mappings no stack manages (<c>?</c>), and those a PUT of the plan overwrites (<c>!</c>).</summary>
    private static void WriteUnmanaged(StringBuilder markdown, Plan plan, RowBudget budget)
    {
        // Overwrites of mappings already listed (unmanaged above, or deleted by a step of the plan) are not listed twice.
        var listed = plan.Unmanaged.Select(s => s.Id).Concat(plan.Steps.Where(s => s.Kind == StepKind.Delete).Select(s => s.Id)).ToHashSet();
        var overwrites = plan.Overwrites.Where(o => !listed.Contains(o.Removed.Id) && !o.SameResource).ToList();
        if (plan.Unmanaged.IsEmpty && overwrites.Count == 0)
        {
            return;
        }

        var replacedFirst = plan.Overwrites.ToLookup(o => o.Removed.Id);
        markdown.Append($"### Unmanaged and overwritten mappings ({plan.Unmanaged.Length + overwrites.Count})\n\n");
        var table = new MarkdownTable("mark", "mapping", "tenant", "registration", "ARM id", "note");
        foreach (var step in plan.Unmanaged)
        {
            var registration = Escape(RegistrationGroup.Of(step.Id).Name);
            if (replacedFirst[step.Id].FirstOrDefault() is { } o)
            {
                table.Add("`! overwrite`", Escape(step.Urn.Name), Code(PlanRenderer.Tenant(step)), registration, Code(step.Id.ToString()), $"in no stack and not in the state, but the PUT of {Code(o.By.Id.ToString())} replaces it: up needs --prune");
            }
            else
            {
                table.Add("`? unmanaged`", Escape(step.Urn.Name), Code(PlanRenderer.Tenant(step)), registration, Code(step.Id.ToString()), "in no stack and not in the state: up --prune would delete it");
            }
        }

        foreach (var o in overwrites)
        {
            var owner = o.Owner is null ? o.Managed ? "managed by this stack" : "in no stack" : $"managed by stack {Escape(o.Owner)}";
            var tenant = o.Removed.Properties.GetValueOrDefault(TenantRegistration.TenantIdProperty) ?? "?";
            table.Add("`! overwrite`", Escape(o.Removed.Urn.Name), Code(tenant), Escape(RegistrationGroup.Of(o.Removed.Id).Name), Code(o.Removed.Id.ToString()), $"{owner}: the PUT of {Code(o.By.Id.ToString())} removes it");
        }

        table.WriteTo(markdown, $"{plan.Unmanaged.Length + overwrites.Count} unmanaged or overwritten mappings", budget);
    }

    private static MarkdownTable WithResult(Dictionary<Step, StepEvent>? outcomes, params string[] headers) =>
        new(outcomes is null ? headers : [.. headers, "result"]);

    private static void Row(MarkdownTable table, Dictionary<Step, StepEvent>? outcomes, Step step, params string[] cells) =>
        table.Add(outcomes is null ? cells : [.. cells, Result(step, outcomes)]);
}
