using Provisioning.AzureStack;
using Provisioning.Config;
using Provisioning.Model;
using Provisioning.Planning;
using static Provisioning.Tests.AzureStack.SampleStacks;

namespace Provisioning.Tests.Planning;

/// <summary>Targets, prune candidates, fingerprints and coverage warnings: the pure parts behind the CLI's flags.</summary>
public sealed class PlanOptionsTests
{
    private static readonly ResourceGraph Desired = SingleStamp().Expand();

    [Theory]
    [InlineData("*west-contoso", 1)]
    [InlineData("*::west-*", 3)]
    [InlineData("*/CUSTOMERSUBSCRIPTIONS/*", 3)]
    [InlineData("urn:pulumi:*WEST-CONTOSO", 0)]
    [InlineData("nothing", 0)]
    public void Targets_match_urns_ordinally_and_ids_without_case(string pattern, int expected)
    {
        var plan = Targeting.Apply(Planner.Plan(Desired, [], null), [new TargetPattern(pattern)]);

        Assert.Equal(expected, plan.Steps.Length);
    }

    [Fact]
    public void Unmanaged_resources_are_candidates_until_included()
    {
        var registration = Desired.Resources.First().Id.Parent!.Value;
        var stray = new ObservedResource(registration.Child("customerSubscriptions", "99999999-0000-4000-8000-000000000009"), TenantRegistration.ArmType, Resource.PropertiesOf(("tenantId", TailspinTenant)));
        var actual = Desired.Resources.Select(r => new ObservedResource(r.Id, r.Type, r.Properties)).Append(stray).ToList();
        var plan = Planner.Plan(Desired, [], actual);

        var found = Pruner.FindUnmanaged(plan, Desired, [], actual, new HashSet<ArmResourceId>(), "2017-06-01", o => Urn.Create("s", "p", "t", o.Id.Name));
        var included = Pruner.Include(found);

        var candidate = Assert.Single(found.Unmanaged);
        Assert.True(candidate.Pruned);
        Assert.Equal(StepKind.Delete, candidate.Kind);
        Assert.Equal("2017-06-01", candidate.ApiVersion);
        Assert.DoesNotContain(found.Steps, s => s.Kind == StepKind.Delete);
        Assert.Empty(included.Unmanaged);
        Assert.Equal(stray.Id, included.Steps[^1].Id);
        Assert.Empty(Pruner.FindUnmanaged(plan, Desired, [], actual, new HashSet<ArmResourceId> { stray.Id }, "2017-06-01", o => Urn.Create("s", "p", "t", o.Id.Name)).Unmanaged);
    }

    [Fact]
    public void Prune_candidates_are_only_the_listed_resources_neither_desired_nor_recorded_ordered_by_id()
    {
        var registration = Desired.Resources.First().Id.Parent!.Value;
        ObservedResource Stray(string subscription) => new(registration.Child("customerSubscriptions", subscription), TenantRegistration.ArmType, Resource.PropertiesOf(("tenantId", TailspinTenant)));
        var late = Stray("99999999-0000-4000-8000-000000000009");
        var early = Stray("88888888-0000-4000-8000-000000000008");
        var recorded = Stray("77777777-0000-4000-8000-000000000007");
        var state = new[] { new Provisioning.State.ResourceState(Urn.Create("s", "p", "t", "recorded"), recorded.Id, recorded.Type, "2017-06-01", recorded.Properties, null, ResourceOptions.None) };
        var actual = Desired.Resources.Select(r => new ObservedResource(r.Id, r.Type, r.Properties)).Append(late).Append(recorded).Append(early).ToList();

        Assert.Equal([early.Id, late.Id], Pruner.Candidates(Desired, state, actual).Select(c => c.Id));
        Assert.Empty(Pruner.Candidates(Desired, state, [.. actual.Take(Desired.Count)]));
    }

    [Fact]
    public void What_the_planner_leaves_unmatched_gives_the_same_candidates_only_under_the_parents_asked_for()
    {
        var registration = Desired.Resources.First().Id.Parent!.Value;
        var elsewhere = ArmResourceId.Parse("/subscriptions/00000000-0000-4000-8000-0000000000ee/resourceGroups/rg/providers/Microsoft.AzureStack/registrations/other");
        ObservedResource Stray(ArmResourceId parent, string subscription) => new(parent.Child("customerSubscriptions", subscription), TenantRegistration.ArmType, Resource.PropertiesOf(("tenantId", TailspinTenant)));
        var late = Stray(registration, "99999999-0000-4000-8000-000000000009");
        var early = Stray(registration, "88888888-0000-4000-8000-000000000008");
        var recorded = Stray(registration, "77777777-0000-4000-8000-000000000007");
        var outside = Stray(elsewhere, "66666666-0000-4000-8000-000000000006");
        var gone = Stray(registration, "55555555-0000-4000-8000-000000000005");
        var state = new[] { recorded, gone }.Select(r => new Provisioning.State.ResourceState(Urn.Create("s", "p", "t", r.Id.Name), r.Id, r.Type, "2017-06-01", r.Properties, null, ResourceOptions.None)).ToList();
        var actual = Desired.Resources.Skip(1).Select(r => new ObservedResource(r.Id, r.Type, r.Properties)).Append(late).Append(recorded).Append(outside).Append(early).ToList();
        var unplanned = new List<ObservedResource>();

        Planner.Plan(Desired, state, actual, PlanMode.Update, null, unplanned);

        Assert.Equal(new HashSet<ArmResourceId> { late.Id, outside.Id, early.Id }, unplanned.Select(u => u.Id).ToHashSet());
        Assert.Equal(3, unplanned.Count);
        Assert.Equal(Pruner.Candidates(Desired, state, [.. actual.Where(a => a.Id.IsChildOf(registration))]).Select(c => c.Id), Pruner.Candidates(unplanned, [registration]).Select(c => c.Id));
        Assert.Equal([early.Id, late.Id], Pruner.Candidates(unplanned, [registration]).Select(c => c.Id));
        Assert.Equal([outside.Id, early.Id, late.Id], Pruner.Candidates(unplanned, [registration, elsewhere]).Select(c => c.Id));
    }

    [Fact]
    public void The_fingerprint_changes_when_an_affected_resource_changes_and_ignores_case()
    {
        var id = Desired.Resources.First().Id;
        var before = PlanFingerprint.Compute([id], []);
        var upper = PlanFingerprint.Compute([ArmResourceId.Parse(id.ToString().ToUpperInvariant())], []);
        var after = PlanFingerprint.Compute([id], [new ObservedResource(id, TenantRegistration.ArmType, Resource.PropertiesOf(("tenantId", ContosoTenant)))]);

        Assert.Equal(before, upper);
        Assert.NotEqual(before, after);
    }

    [Fact]
    public void A_tenant_missing_from_some_stamps_is_warned_when_most_tenants_are_on_all()
    {
        static Tenant T(string key, params string[] registrations) =>
            new(key, Guid.NewGuid().ToString(), [.. registrations.Select(r => new TenantMapping(r, Guid.NewGuid().ToString(), default))], false, false, default);
        Registration[] stamps = [new("west", WestSubscription, "azurestack", "w", default), new("east", EastSubscription, "azurestack", "e", default)];
        var most = new StackDefinition(Project, "dev", CloudSpec.Local, stamps, [T("a", "west", "east"), T("b", "west", "east"), T("c", "west")]);
        var few = most with { Tenants = [T("a", "west", "east"), T("b", "west"), T("c", "east")] };

        var warning = Assert.Single(CoverageWarnings.Check(most));
        Assert.Contains("'c' is on west but not on east", warning, StringComparison.Ordinal);
        Assert.Empty(CoverageWarnings.Check(few));
    }
}
