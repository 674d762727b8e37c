using System.Collections.Immutable;
using Provisioning.AzureStack;
using Provisioning.Model;
using Provisioning.Planning;
using Provisioning.State;
using static Provisioning.Tests.AzureStack.SampleStacks;

namespace Provisioning.Tests.Planning;

public sealed class PlannerTests
{
    private static readonly ResourceGraph Desired = SingleStamp().Expand();
    private static readonly Resource Contoso = Desired.Resources.Single(r => r.Urn.Name == "west-contoso");
    private static readonly Resource Fabrikam = Desired.Resources.Single(r => r.Urn.Name == "west-fabrikam");
    private static readonly Resource Tailspin = Desired.Resources.Single(r => r.Urn.Name == "west-tailspin");

    [Fact]
    public void A_new_stack_plans_a_create_for_every_mapping_with_the_tenant_id_as_the_diff()
    {
        var plan = Planner.Plan(Desired, [], null);

        Assert.Equal([StepKind.Create, StepKind.Create, StepKind.Create], plan.Steps.Select(s => s.Kind));
        Assert.Equal([Contoso.Id, Fabrikam.Id, Tailspin.Id], plan.Steps.Select(s => s.Id));
        var create = plan.Steps[0];
        Assert.Same(Contoso, create.Desired);
        Assert.Null(create.Current);
        Assert.Null(create.Note);
        Assert.Equal<PropertyDiff>([new PropertyDiff("tenantId", null, ContosoTenant)], create.Diffs);
        Assert.True(plan.HasChanges);
        Assert.Empty(plan.Errors);
    }

    [Fact]
    public void A_stack_whose_state_holds_every_mapping_as_desired_has_no_changes()
    {
        var plan = Planner.Plan(Desired, StateOf(Contoso, Fabrikam, Tailspin), null);

        Assert.All(plan.Steps, s => Assert.Equal(StepKind.Same, s.Kind));
        Assert.All(plan.Steps, s => Assert.Empty(s.Diffs));
        Assert.Equal(3, plan.Count(StepKind.Same));
        Assert.False(plan.HasChanges);
    }

    [Fact]
    public void A_tenant_id_changed_in_config_is_an_update_with_its_value_before_and_after()
    {
        var recorded = ResourceState.From(Contoso, Resource.PropertiesOf(("tenantId", FabrikamTenant)));

        var plan = Planner.Plan(Desired, [recorded, .. StateOf(Fabrikam, Tailspin)], null);

        var update = Assert.Single(plan.Steps, s => s.Kind == StepKind.Update);
        Assert.Equal(Contoso.Id, update.Id);
        Assert.Equal<PropertyDiff>([new PropertyDiff("tenantId", FabrikamTenant, ContosoTenant)], update.Diffs);
        Assert.Equal(FabrikamTenant, update.Current!.Properties["tenantId"]);
        Assert.Same(Contoso, update.Desired);
    }

    [Fact]
    public void Preview_reports_a_delete_for_a_tenant_removed_from_config()
    {
        var desired = Without("west-tailspin");

        var plan = Planner.Plan(desired, StateOf(Contoso, Fabrikam, Tailspin), null);

        var delete = Assert.Single(plan.Steps, s => s.Kind == StepKind.Delete);
        Assert.Equal(Tailspin.Id, delete.Id);
        Assert.Equal(Tailspin.Urn, delete.Urn);
        Assert.Null(delete.Desired);
        Assert.Equal<PropertyDiff>([new PropertyDiff("tenantId", TailspinTenant, null)], delete.Diffs);
        Assert.Equal("2017-06-01", delete.ApiVersion);
        Assert.Equal(2, plan.Count(StepKind.Same));
    }

    [Fact]
    public void A_removed_tenant_retained_on_delete_is_forgotten_without_a_delete()
    {
        var desired = Without("west-tailspin");
        var retained = ResourceState.From(Tailspin) with { Options = new ResourceOptions(RetainOnDelete: true) };

        var plan = Planner.Plan(desired, [.. StateOf(Contoso, Fabrikam), retained], null);

        var forget = Assert.Single(plan.Steps, s => s.Kind != StepKind.Same);
        Assert.Equal(StepKind.Forget, forget.Kind);
        Assert.Equal(Tailspin.Id, forget.Id);
        Assert.False(forget.IsChange);
        Assert.Contains("retainOnDelete", forget.Note, StringComparison.Ordinal);
        Assert.True(plan.HasChanges);
    }

    [Fact]
    public void Removing_a_protected_tenant_is_a_plan_error_and_plans_no_delete()
    {
        var desired = Without("west-tailspin");
        var protectedTailspin = ResourceState.From(Tailspin) with { Options = new ResourceOptions(Protect: true) };

        var plan = Planner.Plan(desired, [.. StateOf(Contoso, Fabrikam), protectedTailspin], null);

        var error = Assert.Single(plan.Errors);
        Assert.Contains(Tailspin.Urn.Value, error, StringComparison.Ordinal);
        Assert.Contains("protected", error, StringComparison.Ordinal);
        Assert.DoesNotContain(plan.Steps, s => s.Kind == StepKind.Delete);
    }

    [Fact]
    public void A_protected_tenant_may_still_be_updated()
    {
        var recorded = ResourceState.From(Contoso, Resource.PropertiesOf(("tenantId", FabrikamTenant))) with { Options = new ResourceOptions(Protect: true) };

        var plan = Planner.Plan(Desired, [recorded, .. StateOf(Fabrikam, Tailspin)], null);

        Assert.Empty(plan.Errors);
        Assert.Equal(StepKind.Update, plan.Steps.Single(s => s.Id == Contoso.Id).Kind);
    }

    [Fact]
    public void Without_refresh_the_state_is_trusted_even_when_azure_lost_a_mapping()
    {
        var plan = Planner.Plan(Desired, StateOf(Contoso, Fabrikam, Tailspin), actual: null);

        Assert.False(plan.HasChanges);
    }

    [Fact]
    public void With_refresh_a_mapping_recorded_but_missing_in_azure_is_created_again_with_a_note()
    {
        var actual = Observed(Fabrikam, Tailspin);

        var plan = Planner.Plan(Desired, StateOf(Contoso, Fabrikam, Tailspin), actual);

        var create = Assert.Single(plan.Steps, s => s.Kind == StepKind.Create);
        Assert.Equal(Contoso.Id, create.Id);
        Assert.Contains("missing in Azure", create.Note, StringComparison.Ordinal);
        Assert.Equal(2, plan.Count(StepKind.Same));
    }

    [Fact]
    public void With_refresh_a_mapping_in_azure_but_not_in_the_state_is_an_adopt_step_that_counts_as_a_change()
    {
        var plan = Planner.Plan(Desired, [], Observed(Contoso, Fabrikam, Tailspin));

        Assert.All(plan.Steps, s =>
        {
            Assert.Equal(StepKind.Adopt, s.Kind);
            Assert.False(s.IsChange);
            Assert.Contains("adopted", s.Note, StringComparison.Ordinal);
        });
        Assert.True(plan.HasChanges);
    }

    [Fact]
    public void With_refresh_a_mapping_in_azure_with_other_properties_and_not_in_the_state_is_an_update()
    {
        var other = new ObservedResource(Contoso.Id, Contoso.Type, Resource.PropertiesOf(("tenantId", TailspinTenant)));

        var plan = Planner.Plan(Desired, StateOf(Fabrikam, Tailspin), [other, .. Observed(Fabrikam, Tailspin)]);

        var update = Assert.Single(plan.Steps, s => s.Kind == StepKind.Update);
        Assert.Equal(Contoso.Id, update.Id);
        Assert.Contains("not in the state", update.Note, StringComparison.Ordinal);
        Assert.Equal(2, plan.Count(StepKind.Same));
    }

    [Fact]
    public void With_refresh_a_tenant_changed_outside_the_stack_is_an_update_from_what_azure_holds()
    {
        var drifted = new ObservedResource(Contoso.Id, Contoso.Type, Resource.PropertiesOf(("tenantId", TailspinTenant)));

        var plan = Planner.Plan(Desired, StateOf(Contoso, Fabrikam, Tailspin), [drifted, .. Observed(Fabrikam, Tailspin)]);

        var update = Assert.Single(plan.Steps, s => s.Kind == StepKind.Update);
        Assert.Equal<PropertyDiff>([new PropertyDiff("tenantId", TailspinTenant, ContosoTenant)], update.Diffs);
        Assert.Null(update.Note);
    }

    [Fact]
    public void With_refresh_a_removed_tenant_already_gone_from_azure_is_forgotten()
    {
        var desired = Without("west-tailspin");

        var plan = Planner.Plan(desired, StateOf(Contoso, Fabrikam, Tailspin), Observed(Contoso, Fabrikam));

        var forget = Assert.Single(plan.Steps, s => s.Kind == StepKind.Forget);
        Assert.Equal(Tailspin.Id, forget.Id);
        Assert.Contains("already gone", forget.Note, StringComparison.Ordinal);
        Assert.DoesNotContain(plan.Steps, s => s.Kind == StepKind.Delete);
    }

    [Fact]
    public void With_refresh_a_mapping_in_azure_that_the_stack_never_managed_is_left_alone()
    {
        var stranger = new ObservedResource(
            ArmResourceId.Parse(West.Id + "/customerSubscriptions/99999999-9999-4999-8999-999999999999"),
            TenantRegistration.ArmType,
            Resource.PropertiesOf(("tenantId", "99999999-0000-4000-8000-000000000000")));

        var plan = Planner.Plan(Desired, StateOf(Contoso, Fabrikam, Tailspin), [stranger, .. Observed(Contoso, Fabrikam, Tailspin)]);

        Assert.DoesNotContain(plan.Steps, s => s.Id == stranger.Id);
        Assert.False(plan.HasChanges);
    }

    [Fact]
    public void Destroy_deletes_every_resource_in_the_state_and_creates_nothing()
    {
        var plan = Planner.Plan(Desired, StateOf(Contoso, Fabrikam, Tailspin), null, PlanMode.Destroy);

        Assert.Equal([StepKind.Delete, StepKind.Delete, StepKind.Delete], plan.Steps.Select(s => s.Kind));
        Assert.Equal([Contoso.Id, Fabrikam.Id, Tailspin.Id], plan.Steps.Select(s => s.Id));
        Assert.Empty(plan.Errors);
    }

    [Fact]
    public void Destroy_of_a_stack_never_deployed_does_nothing()
    {
        var plan = Planner.Plan(Desired, [], Observed(Contoso), PlanMode.Destroy);

        Assert.Empty(plan.Steps);
        Assert.False(plan.HasChanges);
    }

    [Fact]
    public void Destroy_refuses_a_protected_resource()
    {
        var protectedContoso = ResourceState.From(Contoso) with { Options = new ResourceOptions(Protect: true) };

        var plan = Planner.Plan(Desired, [protectedContoso, .. StateOf(Fabrikam)], null, PlanMode.Destroy);

        Assert.Single(plan.Errors);
        Assert.DoesNotContain(plan.Steps, s => s.Id == Contoso.Id);
    }

    [Fact]
    public void Destroy_forgets_a_retained_resource_without_deleting_it_as_Pulumi_does()
    {
        var retainedContoso = ResourceState.From(Contoso) with { Options = new ResourceOptions(RetainOnDelete: true) };

        var plan = Planner.Plan(Desired, [retainedContoso, .. StateOf(Fabrikam)], Observed(Contoso, Fabrikam), PlanMode.Destroy);

        Assert.Equal([(StepKind.Forget, Contoso.Id), (StepKind.Delete, Fabrikam.Id)], plan.Steps.Select(s => (s.Kind, s.Id)));
        Assert.Contains("retainOnDelete", plan.Steps[0].Note, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tenant_moving_to_another_subscription_is_created_under_the_new_id_before_the_old_one_is_deleted()
    {
        var moved = (SingleStamp() with
        {
            Tenants =
            [
                Tenant("contoso", ContosoTenant, ("west", "12121212-0000-4000-8000-000000000012")),
                Tenant("fabrikam", FabrikamTenant, ("west", FabrikamSubscription)),
                Tenant("tailspin", TailspinTenant, ("west", TailspinSubscription)),
            ],
        }).Expand();

        var plan = Planner.Plan(moved, StateOf(Contoso, Fabrikam, Tailspin), null);

        var changes = plan.Steps.Where(s => s.IsChange).ToList();
        Assert.Equal([StepKind.Create, StepKind.Delete], changes.Select(s => s.Kind));
        Assert.Equal("12121212-0000-4000-8000-000000000012", changes[0].Id.Name);
        Assert.Equal(Contoso.Id, changes[1].Id);
        Assert.Equal(ContosoTenant, changes[0].Desired!.Properties["tenantId"]);
    }

    [Fact]
    public void Every_put_comes_before_every_delete()
    {
        // Tailspin is removed (a delete that the state lists first), contoso changes tenant, a new tenant arrives.
        var desired = (SingleStamp() with
        {
            Tenants =
            [
                Tenant("contoso", "55555555-eeee-4eee-8eee-555555555555", ("west", ContosoSubscription)),
                Tenant("fabrikam", FabrikamTenant, ("west", FabrikamSubscription)),
                Tenant("woodgrove", "44444444-dddd-4ddd-8ddd-444444444444", ("west", "0b0b0b0b-dddd-4ddd-8ddd-0000000000b5")),
            ],
        }).Expand();

        var plan = Planner.Plan(desired, StateOf(Tailspin, Contoso, Fabrikam), null);

        var kinds = plan.Steps.Select(s => s.Kind).ToList();
        Assert.Equal([StepKind.Update, StepKind.Same, StepKind.Create, StepKind.Delete], kinds);
    }

    [Fact]
    public void Ids_are_compared_without_regard_to_case()
    {
        var shouted = ResourceState.From(Contoso) with { Id = ArmResourceId.Parse(Contoso.Id.ToString().ToUpperInvariant()) };
        var actual = new ObservedResource(ArmResourceId.Parse(Fabrikam.Id.ToString().ToUpperInvariant()), Fabrikam.Type, Fabrikam.Properties);

        var plan = Planner.Plan(Desired, [shouted, .. StateOf(Fabrikam, Tailspin)], [actual, .. Observed(Contoso, Tailspin)]);

        Assert.Equal([StepKind.Same, StepKind.Same, StepKind.Same], plan.Steps.Select(s => s.Kind));
    }

    [Fact]
    public void Tenant_ids_that_differ_only_in_case_are_the_same()
    {
        var recorded = ResourceState.From(Contoso, Resource.PropertiesOf(("tenantId", ContosoTenant.ToUpperInvariant())));

        var plan = Planner.Plan(Desired, [recorded, .. StateOf(Fabrikam, Tailspin)], null);

        Assert.False(plan.HasChanges);
    }

    [Fact]
    public void Diff_lists_added_removed_and_changed_properties_in_name_order()
    {
        var before = Resource.PropertiesOf(("tenantId", "a"), ("note", "old"), ("same", "x"));
        var after = Resource.PropertiesOf(("tenantId", "b"), ("extra", "new"), ("same", "X"));

        var diffs = Planner.Diff(before, after);

        Assert.Equal<PropertyDiff>(
            [
                new PropertyDiff("extra", null, "new"),
                new PropertyDiff("note", "old", null),
                new PropertyDiff("tenantId", "a", "b"),
            ],
            diffs);
    }

    private static ImmutableArray<ResourceState> StateOf(params Resource[] resources) => [.. resources.Select(r => ResourceState.From(r))];

    private static ImmutableArray<ObservedResource> Observed(params Resource[] resources) => [.. resources.Select(r => new ObservedResource(r.Id, r.Type, r.Properties))];

    private static ResourceGraph Without(string urnName)
    {
        var components = Desired.Components
            .Select(c => c with { Children = [.. c.Children.Where(r => r.Urn.Name != urnName)] })
            .ToList();
        return new ResourceGraph(Desired.Project, Desired.Stack, components);
    }
}
