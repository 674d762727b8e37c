using Provisioning.AzureStack;
using Provisioning.Config;
using Provisioning.Export;

namespace Provisioning.Tests.Export;

public sealed class ExportNamesTests
{
    [Theory]
    [InlineData("contoso", "contoso")]
    [InlineData("adventure-works", "adventure_works")]
    [InlineData("9lives", "_9lives")]
    [InlineData("a.b c", "a_b_c")]
    [InlineData("resource", "resource_")]
    [InlineData("", "_")]
    public void Keys_become_identifiers_valid_in_Bicep_Terraform_and_Pulumi(string key, string expected) =>
        Assert.Equal(expected, ExportNames.Identifier(key));

    [Fact]
    public void Mapping_identifiers_join_registration_and_tenant()
    {
        var model = ExportModel.From(ExportStacks.MultiStamp);

        Assert.Equal(["west", "east", "north"], model.Registrations.Select(r => r.Identifier));
        Assert.Equal("west_contoso", model.Mappings.First().Identifier);
        Assert.Contains("east_adventure_works", model.Mappings.Select(m => m.Identifier));
        Assert.Equal(ExportStacks.MultiStampMappings, model.Mappings.Select(m => m.Identifier).Distinct().Count());
    }

    [Fact]
    public void Colliding_identifiers_are_numbered_in_declaration_order_on_every_run()
    {
        StackDefinition stack = new("p", "s", CloudSpec.Local,
            [ExportStacks.Registration("a_b", "reg1"), ExportStacks.Registration("a", "reg2", resourceGroup: "rg2")],
            [
                ExportStacks.Tenant("c", "11111111-1111-1111-1111-111111111111", "21111111-1111-1111-1111-111111111111", "a_b"),
                ExportStacks.Tenant("b-c", "12111111-1111-1111-1111-111111111111", "22111111-1111-1111-1111-111111111111", "a"),
                ExportStacks.Tenant("b_c", "13111111-1111-1111-1111-111111111111", "23111111-1111-1111-1111-111111111111", "a"),
            ]);

        var first = ExportModel.From(stack).Mappings.Select(m => m.Identifier).ToList();
        var again = ExportModel.From(stack).Mappings.Select(m => m.Identifier).ToList();

        Assert.Equal(["a_b_c", "a_b_c_2", "a_b_c_3"], first);
        Assert.Equal(first, again);
    }

    [Fact]
    public void A_registration_key_that_looks_like_a_mapping_keeps_its_name()
    {
        StackDefinition stack = new("p", "s", CloudSpec.Local,
            [ExportStacks.Registration("west", "reg1"), ExportStacks.Registration("west_contoso", "reg2")],
            [ExportStacks.Tenant("contoso", "11111111-1111-1111-1111-111111111111", "21111111-1111-1111-1111-111111111111", "west")]);

        var model = ExportModel.From(stack);

        Assert.Equal("west_contoso", model.Registrations[1].Identifier);
        Assert.Equal("west_contoso_2", Assert.Single(model.Mappings).Identifier);
        Assert.Equal(TenantRegistration.ArmType, model.Mappings.Single().Resource.Type);
    }
}
