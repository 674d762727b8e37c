using Provisioning.AzureStack;
using Provisioning.Diagnostics;
using Provisioning.Model;

namespace Provisioning.Tests.AzureStack;

public sealed class StackScopeTests
{
    private const string West = "/subscriptions/6513270e-269e-4d37-b2a7-4de452e6b438/resourceGroups/azurestack/providers/Microsoft.AzureStack/registrations/azurestack-west";
    private const string East = "/subscriptions/6513270e-269e-4d37-b2a7-4de452e6b438/resourceGroups/azurestack/providers/Microsoft.AzureStack/registrations/azurestack-east";
    private const string Mapping = "/customerSubscriptions/8d116ece-1738-47d9-bd9c-172411e20b8f";

    private static readonly StackScope Scope = new([ArmResourceId.Parse(West)]);

    [Theory]
    [InlineData(West + Mapping)]
    [InlineData("/SUBSCRIPTIONS/6513270e-269e-4d37-b2a7-4de452e6b438/resourcegroups/AzureStack/providers/microsoft.azurestack/registrations/AZURESTACK-WEST/customersubscriptions/8d116ece-1738-47d9-bd9c-172411e20b8f")]
    public void A_mapping_under_a_declared_registration_is_inside(string id) =>
        Assert.True(Scope.Contains(ArmResourceId.Parse(id), TenantRegistration.ArmType));

    [Theory]
    [InlineData(West)]
    [InlineData(East + Mapping)]
    [InlineData("/subscriptions/6513270e-269e-4d37-b2a7-4de452e6b438/resourceGroups/azurestack")]
    [InlineData("/subscriptions/6513270e-269e-4d37-b2a7-4de452e6b438/resourceGroups/azurestack/providers/Microsoft.AzureStack/registrations/azurestack-west/products/p1")]
    [InlineData("/subscriptions/6513270e-269e-4d37-b2a7-4de452e6b438/resourceGroups/azurestack/providers/Microsoft.Compute/virtualMachines/azurestack-west/customerSubscriptions/8d116ece-1738-47d9-bd9c-172411e20b8f")]
    public void Anything_else_is_outside(string id) =>
        Assert.False(Scope.Contains(ArmResourceId.Parse(id)));

    [Fact]
    public void A_mapping_id_recorded_with_another_type_is_outside() =>
        Assert.False(Scope.Contains(ArmResourceId.Parse(West + Mapping), "Microsoft.AzureStack/registrations"));

    [Fact]
    public void Mappings_of_an_undeclared_registration_give_one_diagnostic_with_their_count()
    {
        var ids = Enumerable.Range(0, 50).Select(i => (ArmResourceId.Parse($"{East}/customerSubscriptions/{i:x8}-0000-4000-8000-000000000000"), (string?)TenantRegistration.ArmType));

        var found = Scope.Check(ids, SourceSpan.WholeFile("state.json"), "the state");

        var diagnostic = Assert.Single(found);
        Assert.Equal("PRV165", diagnostic.Code);
        Assert.Equal(Severity.Error, diagnostic.Level);
        Assert.Contains("50 mappings", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("azurestack-east", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_ids_that_do_not_parse_are_outside()
    {
        var found = Scope.Check(["not an id", West + Mapping], SourceSpan.WholeFile("plan.json"), "the saved plan");

        Assert.Equal("PRV165", Assert.Single(found).Code);
    }

    [Fact]
    public void At_most_twenty_other_ids_are_listed()
    {
        var ids = Enumerable.Range(0, 100).Select(i => (ArmResourceId.Parse($"/subscriptions/{i:x8}-0000-4000-8000-000000000000/resourceGroups/g{i}"), (string?)null));

        Assert.Equal(StackScope.MaxListed, Scope.Check(ids, SourceSpan.WholeFile("state.json"), "the state").Count);
    }
}
