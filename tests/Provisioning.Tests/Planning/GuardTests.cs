using System.Collections.Immutable;
using Provisioning.AzureStack;
using Provisioning.Diagnostics;
using Provisioning.Model;
using Provisioning.Planning;
using Provisioning.State;
using static Provisioning.Tests.AzureStack.SampleStacks;

namespace Provisioning.Tests.Planning;

/// <summary>The plan guards: the overwrite trap, another stack's mappings, mass deletes — each a pure function of plan, state and options.</summary>
public sealed class GuardTests
{
    private const string StraySubscription = "99999999-9999-4999-8999-999999999999";
    private const string StrangerTenant = "44444444-dddd-4ddd-8ddd-444444444444";
    private static readonly ResourceGraph Desired = SingleStamp().Expand();
    private static readonly Resource Contoso = Desired.Resources.Single(r => r.Urn.Name == "west-contoso");
    private static readonly Resource Fabrikam = Desired.Resources.Single(r => r.Urn.Name == "west-fabrikam");
    private static readonly Resource Tailspin = Desired.Resources.Single(r => r.Urn.Name == "west-tailspin");
    private static readonly ArmResourceId Stray = West.Id.Child(TenantRegistration.ChildTypeSegment, StraySubscription);
    private static readonly GuardOptions Up = new(PlanMode.Update, Apply: true, SourceSpan.WholeFile("Pulumi.local.yaml"));

    [Fact]
    public void An_unmanaged_mapping_of_a_desired_tenant_under_another_subscription_is_found_as_overwritten()
    {
        var (plan, _) = PlanWithStray(ContosoTenant);

        var overwrite = Assert.Single(plan.Overwrites);
        Assert.Equal(Contoso.Id, overwrite.By.Id);
        Assert.Equal(Stray, overwrite.Removed.Id);
        Assert.False(overwrite.Managed);
        Assert.Null(overwrite.Owner);
        Assert.Equal(1, plan.Removals);
    }

    [Fact]
    public void Up_refuses_an_unmanaged_overwrite_without_prune_and_preview_only_warns()
    {
        var (plan, state) = PlanWithStray(ContosoTenant);

        var up = Assert.Single(PlanGuards.Check(plan, state, Up));
        var preview = Assert.Single(PlanGuards.Check(plan, state, Up with { Apply = false }));

        Assert.Equal(("PRV140", Severity.Error), (up.Code, up.Level));
        Assert.Contains(StraySubscription, up.Message, StringComparison.Ordinal);
        Assert.Contains("--prune", up.Message, StringComparison.Ordinal);
        Assert.Equal(("PRV140", Severity.Warning), (preview.Code, preview.Level));
        Assert.StartsWith("up would refuse", preview.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void With_prune_the_overwritten_mapping_is_a_listed_delete_counted_once()
    {
        var (plan, state) = PlanWithStray(ContosoTenant, prune: true);

        Assert.Empty(PlanGuards.Check(plan, state, Up with { Prune = true }));
        Assert.Contains(plan.Steps, s => s.Kind == StepKind.Delete && s.Id == Stray && s.Pruned);
        Assert.Equal(1, plan.Removals);
    }

    [Fact]
    public void An_overwrite_of_a_mapping_another_stack_manages_is_refused_even_with_prune()
    {
        var others = new Dictionary<ArmResourceId, string> { [Stray] = "prod" };
        var (plan, state) = PlanWithStray(ContosoTenant, prune: true, others);

        var finding = Assert.Single(PlanGuards.Check(plan, state, Up with { Prune = true, OtherStacks = others }));

        Assert.Equal("PRV141", finding.Code);
        Assert.Contains("'prod'", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(plan.Steps, s => s.Id == Stray);
    }

    [Fact]
    public void A_mapping_of_another_tenant_is_not_an_overwrite()
    {
        var (plan, state) = PlanWithStray(StrangerTenant);

        Assert.Empty(plan.Overwrites);
        Assert.Empty(PlanGuards.Check(plan, state, Up));
        Assert.Single(plan.Unmanaged);
    }

    [Fact]
    public void An_unmanaged_subscription_re_mapped_to_another_tenant_needs_prune_and_then_counts_as_a_removal()
    {
        var other = new ObservedResource(Contoso.Id, Contoso.Type, Resource.PropertiesOf(("tenantId", StrangerTenant)));
        var state = StateOf(Fabrikam, Tailspin);
        var plan = Overwrites.Find(Planner.Plan(Desired, state, [other, .. Observed(Fabrikam, Tailspin)]), state, [other, .. Observed(Fabrikam, Tailspin)], new Dictionary<ArmResourceId, string>(), UrnOf);

        var overwrite = Assert.Single(plan.Overwrites);
        Assert.True(overwrite.SameResource);
        Assert.Equal("PRV140", Assert.Single(PlanGuards.Check(plan, state, Up)).Code);
        Assert.Empty(PlanGuards.Check(plan, state, Up with { Prune = true }));
        Assert.Equal(1, plan.Removals);
    }

    [Fact]
    public void A_managed_mapping_the_target_leaves_out_is_not_overwritten_silently()
    {
        // contoso moves to a new subscription; --target keeps only the PUT, not the DELETE of its old mapping.
        var moved = (SingleStamp() with { Tenants = [Tenant("contoso", ContosoTenant, ("west", StraySubscription))] }).Expand();
        var state = StateOf(Contoso);
        var plan = Planner.Plan(moved, state, null);
        plan = Targeting.Apply(plan, [new TargetPattern("*" + StraySubscription)]);
        plan = Overwrites.Find(plan, state, null, new Dictionary<ArmResourceId, string>(), UrnOf);

        var finding = Assert.Single(PlanGuards.Check(plan, state, Up));

        Assert.Equal("PRV142", finding.Code);
        Assert.Contains(Contoso.Id.ToString(), finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tenant_moved_to_another_subscription_by_the_stack_itself_passes_every_guard()
    {
        var moved = (SingleStamp() with
        {
            Tenants = [Tenant("contoso", ContosoTenant, ("west", StraySubscription)), Tenant("fabrikam", FabrikamTenant, ("west", FabrikamSubscription)), Tenant("tailspin", TailspinTenant, ("west", TailspinSubscription))],
        }).Expand();
        var state = StateOf(Contoso, Fabrikam, Tailspin);
        var plan = Overwrites.Find(Planner.Plan(moved, state, Observed(Contoso, Fabrikam, Tailspin)), state, Observed(Contoso, Fabrikam, Tailspin), new Dictionary<ArmResourceId, string>(), UrnOf);

        Assert.Single(plan.Overwrites);
        Assert.Empty(PlanGuards.Check(plan, state, Up));
        Assert.Equal(1, plan.Removals);
    }

    [Fact]
    public void Two_tenants_swapping_subscriptions_overwrite_nothing_the_plan_does_not_put_again()
    {
        var swapped = (SingleStamp() with
        {
            Tenants =
            [
                Tenant("contoso", ContosoTenant, ("west", FabrikamSubscription)),
                Tenant("fabrikam", FabrikamTenant, ("west", ContosoSubscription)),
                Tenant("tailspin", TailspinTenant, ("west", TailspinSubscription)),
            ],
        }).Expand();
        var state = StateOf(Contoso, Fabrikam, Tailspin);
        var plan = Overwrites.Find(Planner.Plan(swapped, state, Observed(Contoso, Fabrikam, Tailspin)), state, Observed(Contoso, Fabrikam, Tailspin), new Dictionary<ArmResourceId, string>(), UrnOf);

        Assert.Equal(2, plan.Count(StepKind.Update));
        Assert.Empty(plan.Overwrites);
        Assert.Equal(0, plan.Removals);
        Assert.Empty(PlanGuards.Check(plan, state, Up));
    }

    [Fact]
    public void Deleting_a_mapping_another_stack_declares_is_refused_for_up_and_destroy()
    {
        var state = StateOf(Contoso, Fabrikam, Tailspin);
        var others = new Dictionary<ArmResourceId, string> { [Fabrikam.Id] = "prod" };
        var destroy = Planner.Plan(new ResourceGraph(Project, "local", []), state, null, PlanMode.Destroy);

        var findings = PlanGuards.Check(destroy, state, new GuardOptions(PlanMode.Destroy, true, Up.Where) { OtherStacks = others });

        var finding = Assert.Single(findings);
        Assert.Equal("PRV143", finding.Code);
        Assert.Contains("'prod'", finding.Message, StringComparison.Ordinal);
        Assert.Contains(Fabrikam.Id.ToString(), finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(3, 1, false)]
    [InlineData(3, 2, true)]
    [InlineData(4, 2, false)]
    [InlineData(1, 1, false)]
    [InlineData(2, 2, true)]
    public void An_update_removing_more_than_half_of_the_managed_mappings_needs_the_flag(int managed, int removed, bool refused)
    {
        var state = ManyMappings(managed);
        var kept = new ResourceGraph(Project, "local", [new Component(Contoso.Parent!, TenantRegistration.ComponentType, "west", [.. state.Skip(removed).Select(ToResource)])]);
        var plan = Planner.Plan(kept, state, null);

        var findings = MassDeleteGuard.Check(plan, state, Up);

        Assert.Equal(removed, plan.Removals);
        Assert.Equal(refused, findings.Count == 1);
        Assert.All(findings, f => Assert.Equal("PRV144", f.Code));
        Assert.Empty(MassDeleteGuard.Check(plan, state, Up with { AllowMassDelete = true }));
        Assert.Empty(MassDeleteGuard.Check(plan, state, Up with { Mode = PlanMode.Destroy }));
    }

    [Fact]
    public void An_empty_stack_file_is_a_mass_delete_but_destroy_is_not()
    {
        var state = StateOf(Contoso, Fabrikam, Tailspin);
        var empty = new ResourceGraph(Project, "local", []);

        var up = PlanGuards.Check(Planner.Plan(empty, state, null), state, Up);
        var destroy = PlanGuards.Check(Planner.Plan(empty, state, null, PlanMode.Destroy), state, Up with { Mode = PlanMode.Destroy });

        Assert.Equal("PRV144", Assert.Single(up).Code);
        Assert.Contains("3 mapping(s)", up[0].Message, StringComparison.Ordinal);
        Assert.Empty(destroy);
    }

    [Fact]
    public void Overwrites_count_toward_a_mass_delete()
    {
        // Two managed mappings kept, two tenants each overwrite an unmanaged mapping: 2 removals of 2 managed.
        var state = StateOf(Fabrikam, Tailspin);
        var strays = new[]
        {
            new ObservedResource(Stray, TenantRegistration.ArmType, Resource.PropertiesOf(("tenantId", ContosoTenant))),
            new ObservedResource(West.Id.Child(TenantRegistration.ChildTypeSegment, "88888888-8888-4888-8888-888888888888"), TenantRegistration.ArmType, Resource.PropertiesOf(("tenantId", FabrikamTenant))),
        };
        var plan = Overwrites.Find(Planner.Plan(Desired, state, [.. strays]), state, [.. strays], new Dictionary<ArmResourceId, string>(), UrnOf);

        Assert.Equal(2, plan.Removals);
        Assert.Contains(MassDeleteGuard.Check(plan, state, Up), f => f.Code == "PRV144");
    }

    [Fact]
    public void Adopting_a_mapping_found_in_azure_passes_every_guard()
    {
        var plan = Planner.Plan(Desired, [], Observed(Contoso, Fabrikam, Tailspin));

        Assert.Empty(PlanGuards.Check(Overwrites.Find(plan, [], Observed(Contoso, Fabrikam, Tailspin), new Dictionary<ArmResourceId, string>(), UrnOf), [], Up));
        Assert.Equal(3, plan.Count(StepKind.Adopt));
    }

    /// <summary>The stack's three mappings as desired and managed, plus one stray mapping of <paramref name="tenant"/> under another subscription on west.</summary>
    private static (Plan Plan, ImmutableArray<ResourceState> State) PlanWithStray(string tenant, bool prune = false, Dictionary<ArmResourceId, string>? others = null)
    {
        others ??= [];
        var state = StateOf(Fabrikam, Tailspin);
        ObservedResource[] actual = [new ObservedResource(Stray, TenantRegistration.ArmType, Resource.PropertiesOf(("tenantId", tenant))), .. Observed(Fabrikam, Tailspin)];
        var plan = Planner.Plan(Desired, state, actual);
        plan = Pruner.FindUnmanaged(plan, Desired, state, Pruner.Candidates(Desired, state, actual), others.Keys.ToHashSet(), TenantRegistration.ApiVersion, UrnOf);
        if (prune)
        {
            plan = Pruner.Include(plan);
        }

        return (Overwrites.Find(plan, state, actual, others, UrnOf), state);
    }

    private static Urn UrnOf(ObservedResource found) => Urn.Create("local", Project, TenantRegistration.CustomerSubscriptionType, "west-" + found.Id.Name);

    private static ImmutableArray<ResourceState> StateOf(params Resource[] resources) => [.. resources.Select(r => ResourceState.From(r))];

    private static ImmutableArray<ObservedResource> Observed(params Resource[] resources) => [.. resources.Select(r => new ObservedResource(r.Id, r.Type, r.Properties))];

    private static ImmutableArray<ResourceState> ManyMappings(int count) =>
        [.. Enumerable.Range(1, count).Select(i => ResourceState.From(new Resource(
            Urn.Create("local", Project, TenantRegistration.CustomerSubscriptionType, $"west-t{i}", Contoso.Parent),
            West.Id.Child(TenantRegistration.ChildTypeSegment, $"{i:D8}-1111-4111-8111-111111111111"),
            TenantRegistration.ArmType,
            TenantRegistration.ApiVersion,
            Resource.PropertiesOf(("tenantId", $"{i:D8}-0000-4000-8000-000000000000")),
            Contoso.Parent,
            ResourceOptions.None)))];

    private static Resource ToResource(ResourceState s) => new(s.Urn, s.Id, s.Type, s.ApiVersion, s.Properties, s.Parent, s.Options);
}
