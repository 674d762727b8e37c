using Provisioning.Cli.Rendering.Markdown;
using Provisioning.Diagnostics;
using Provisioning.Engine;
using Provisioning.Planning;

namespace Provisioning.Cli.Tests.Rendering;

public sealed class MarkdownReportTests
{
    [Fact]
    public void Deletes_come_first_with_their_billing_then_the_other_changes_under_a_header_per_registration()
    {
        var plan = PlanSteps.Plan(PlanSteps.Create("east", 1), PlanSteps.Update("west", 2, PlanSteps.Tenant(9), PlanSteps.Tenant(2)), PlanSteps.Delete("west", 3));

        var markdown = MarkdownReport.Build(Result(RunKind.Preview, plan));

        Assert.StartsWith("## provision preview · stack `dev` · project `tenant-registrations`\n", markdown, StringComparison.Ordinal);
        var deletes = markdown.IndexOf("### Deletes (1)", StringComparison.Ordinal);
        var changes = markdown.IndexOf("### Changes by registration", StringComparison.Ordinal);
        Assert.InRange(deletes, 0, changes);
        var delete = Row(markdown, PlanSteps.Mapping("west", 3).ToString());
        Assert.Contains("`- delete`", delete, StringComparison.Ordinal);
        Assert.Contains("billed to the registration's own subscription `6513270e-269e-4d37-b2a7-4de452e6b438`", delete, StringComparison.Ordinal);
        Assert.Contains("#### `west` · resource group `azurestack` · subscription `6513270e-269e-4d37-b2a7-4de452e6b438`", markdown, StringComparison.Ordinal);
        Assert.Contains("#### `east`", markdown, StringComparison.Ordinal);
        Assert.Contains($"tenantId: `{PlanSteps.Tenant(9)}` → `{PlanSteps.Tenant(2)}`", Row(markdown, PlanSteps.Mapping("west", 2).ToString()), StringComparison.Ordinal);
    }

    [Fact]
    public void A_delete_whose_tenant_the_plan_maps_again_on_that_registration_is_not_billed_to_the_registration()
    {
        var moved = PlanSteps.Create("west", 4) with { Desired = PlanSteps.Create("west", 4).Desired! with { Properties = Model.Resource.PropertiesOf((AzureStack.TenantRegistration.TenantIdProperty, PlanSteps.Tenant(3))) } };
        var plan = PlanSteps.Plan(moved, PlanSteps.Delete("west", 3));

        var delete = Row(MarkdownReport.Build(Result(RunKind.Preview, plan)), PlanSteps.Mapping("west", 3).ToString());

        Assert.Contains("stays mapped on this registration", delete, StringComparison.Ordinal);
        Assert.DoesNotContain("own subscription", delete, StringComparison.Ordinal);
    }

    [Fact]
    public void More_than_20_rows_in_a_group_are_folded_and_every_row_has_its_full_arm_id()
    {
        var plan = PlanSteps.Plan([.. Enumerable.Range(1, 21).Select(n => PlanSteps.Create("west", n)), .. Enumerable.Range(1, 20).Select(n => PlanSteps.Create("east", n))]);

        var markdown = MarkdownReport.Build(Result(RunKind.Preview, plan));

        Assert.Contains("<details><summary>21 changes under west</summary>", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("changes under east</summary>", markdown, StringComparison.Ordinal);
        Assert.Equal(41, markdown.Split('\n').Count(l => l.StartsWith("| `+ create`", StringComparison.Ordinal) && l.Contains("/customerSubscriptions/", StringComparison.Ordinal)));
    }

    [Fact]
    public void Drift_has_its_own_section_apart_from_the_pending_changes()
    {
        var id = PlanSteps.Mapping("west", 2);
        var plan = PlanSteps.Plan(PlanSteps.Update("west", 2, PlanSteps.Tenant(9), PlanSteps.Tenant(2)));
        var result = Result(RunKind.Preview, plan) with
        {
            Drift = [new DriftedResource(PlanSteps.Urn("west", 2), id, false, [new PropertyDiff("tenantId", PlanSteps.Tenant(2), PlanSteps.Tenant(9))]), new DriftedResource(PlanSteps.Urn("west", 5), PlanSteps.Mapping("west", 5), true, [])],
        };

        var markdown = MarkdownReport.Build(result);

        var drift = markdown.IndexOf("### Drift since the last run (2)", StringComparison.Ordinal);
        var changes = markdown.IndexOf("### Changes by registration", StringComparison.Ordinal);
        Assert.InRange(drift, 0, changes);
        var section = markdown[drift..changes];
        Assert.Contains($"`~ changed` | west-tenant2 | west | `{id}` | tenantId: `{PlanSteps.Tenant(2)}` → `{PlanSteps.Tenant(9)}`", Row(section, id.ToString()), StringComparison.Ordinal);
        Assert.Contains("gone from Azure", Row(section, PlanSteps.Mapping("west", 5).ToString()), StringComparison.Ordinal);
        Assert.Contains("`~ update`", Row(markdown[changes..], id.ToString()), StringComparison.Ordinal);
    }

    [Fact]
    public void A_refused_run_lists_its_refusals()
    {
        var result = Result(RunKind.Up, PlanSteps.Plan(PlanSteps.Delete("west", 1))) with
        {
            Outcome = RunOutcome.Refused,
            Diagnostics = [new Diagnostic(new SourceSpan("Pulumi.dev.yaml", 12, 7), Severity.Error, "PRV061", "west-tenant1 is protected | and would be deleted")],
        };

        var markdown = MarkdownReport.Build(result);

        Assert.Contains("**Refused**: the plan was refused: nothing was changed.", markdown, StringComparison.Ordinal);
        Assert.Contains("- error **PRV061** `Pulumi.dev.yaml(12,7)`: west-tenant1 is protected \\| and would be deleted", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void The_report_stops_listing_rows_at_its_budget_and_says_how_many_it_left_out()
    {
        var plan = PlanSteps.Plan([.. Enumerable.Range(1, 30).Select(n => PlanSteps.Create("west", n))]);

        var markdown = MarkdownReport.Build(Result(RunKind.Preview, plan), new RowBudget(25));

        Assert.Equal(25, markdown.Split('\n').Count(l => l.StartsWith("| `+ create`", StringComparison.Ordinal)));
        Assert.Contains("… and 5 more row(s) not shown", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Values_cannot_break_out_of_a_cell_or_open_a_tag()
    {
        Assert.Equal("a \\| b &lt;script&gt; \\`x\\` \\[l\\](u)", MarkdownText.Escape("a | b <script> `x` [l](u)"));
        Assert.Equal("`/subscriptions/x`", MarkdownText.Code("/subscriptions/x"));
        Assert.Equal("a\\|b", MarkdownText.Code("a|b"));
    }

    private static StackRunResult Result(RunKind kind, Plan plan) => new(kind, "tenant-registrations", "dev", RunOutcome.Succeeded, plan);

    private static string Row(string markdown, string id) =>
        Assert.Single(markdown.Split('\n'), l => l.StartsWith('|') && l.Contains($"`{id}`", StringComparison.Ordinal));
}
