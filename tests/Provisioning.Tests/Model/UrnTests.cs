using Provisioning.Model;

namespace Provisioning.Tests.Model;

public sealed class UrnTests
{
    private const string ComponentType = "provisioning:azurestack:TenantRegistration";
    private const string ChildType = "azure-native:azurestack:CustomerSubscription";

    [Fact]
    public void Create_without_a_parent_names_stack_project_type_and_name()
    {
        var urn = Urn.Create("local", "tenant-registrations", ComponentType, "west");

        Assert.Equal("urn:pulumi:local::tenant-registrations::provisioning:azurestack:TenantRegistration::west", urn.Value);
        Assert.Equal("local", urn.Stack);
        Assert.Equal("tenant-registrations", urn.Project);
        Assert.Equal(ComponentType, urn.QualifiedType);
        Assert.Equal(ComponentType, urn.Type);
        Assert.Equal("west", urn.Name);
    }

    [Fact]
    public void Create_under_a_parent_qualifies_the_type_with_the_parent_type()
    {
        var parent = Urn.Create("local", "tenant-registrations", ComponentType, "west");

        var urn = Urn.Create("local", "tenant-registrations", ChildType, "west-contoso", parent);

        Assert.Equal(
            "urn:pulumi:local::tenant-registrations::provisioning:azurestack:TenantRegistration$azure-native:azurestack:CustomerSubscription::west-contoso",
            urn.ToString());
        Assert.Equal(ChildType, urn.Type);
        Assert.Equal($"{ComponentType}${ChildType}", urn.QualifiedType);
        Assert.Equal("west-contoso", urn.Name);
    }

    [Fact]
    public void Parse_of_a_created_urn_gives_an_equal_urn_with_the_same_parts()
    {
        var parent = Urn.Create("prod", "tenant-registrations", ComponentType, "east");
        var created = Urn.Create("prod", "tenant-registrations", ChildType, "east-fabrikam", parent);

        var parsed = Urn.Parse(created.Value);

        Assert.Equal(created, parsed);
        Assert.Equal(created.GetHashCode(), parsed.GetHashCode());
        Assert.Equal("prod", parsed.Stack);
        Assert.Equal("tenant-registrations", parsed.Project);
        Assert.Equal(ChildType, parsed.Type);
        Assert.Equal("east-fabrikam", parsed.Name);
    }

    [Fact]
    public void Urns_are_compared_ordinally_so_case_matters()
    {
        var lower = Urn.Create("local", "p", ChildType, "west-contoso");
        var upper = Urn.Create("local", "p", ChildType, "West-Contoso");

        Assert.NotEqual(lower, upper);
    }

    [Theory]
    [InlineData("")]
    [InlineData("urn:other:local::p::t::n")]
    [InlineData("urn:pulumi:local::p::t")]
    [InlineData("urn:pulumi:local::p::::n")]
    [InlineData("urn:pulumi:::p::t::n")]
    [InlineData("urn:pulumi:local::p::t::")]
    public void Parse_rejects_a_malformed_urn_with_a_format_exception(string text)
    {
        Assert.Throws<FormatException>(() => Urn.Parse(text));
    }

    [Theory]
    [InlineData("", "p", "t", "n")]
    [InlineData("s", "", "t", "n")]
    [InlineData("s", "p", "", "n")]
    [InlineData("s", "p", "t", "")]
    [InlineData("s", "p::q", "t", "n")]
    [InlineData("s", "p", "t::u", "n")]
    public void Create_refuses_parts_that_would_make_an_unparsable_urn(string stack, string project, string type, string name)
    {
        Assert.ThrowsAny<ArgumentException>(() => Urn.Create(stack, project, type, name));
    }

    [Fact]
    public void WithName_gives_the_urn_Create_gives_for_that_name_and_refuses_an_empty_one()
    {
        var parent = Urn.Create("dev", "p", "provisioning:azurestack:TenantRegistration", "west");
        var first = Urn.Create("dev", "p", "azure-native:azurestack:CustomerSubscription", "west-a", parent);

        var sibling = first.WithName("west-b::c");

        Assert.Equal(Urn.Create("dev", "p", "azure-native:azurestack:CustomerSubscription", "west-b::c", parent), sibling);
        Assert.Equal(("dev", "p", first.QualifiedType, "west-b::c"), (sibling.Stack, sibling.Project, sibling.QualifiedType, sibling.Name));
        Assert.Equal(sibling, Urn.Parse(sibling.Value));
        Assert.Throws<ArgumentException>(() => first.WithName(string.Empty));
    }
}
