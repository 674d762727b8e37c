using System.Text;
using System.Text.Json;
using Provisioning.Model;

namespace Provisioning.Azure.Tests;

public sealed class ArmPageReaderTests
{
    private const string Registration = "/subscriptions/7a1c0f3e-0000-4000-8000-00000000ab12/resourceGroups/azurestack/providers/Microsoft.AzureStack/registrations/azurestack-cloud1";
    private const string Mapping = Registration + "/customerSubscriptions/0b5c4d6e-1111-4222-8333-444455556666";
    private const string Tenant = "22222222-0000-4000-8000-000000000002";

    private static (IReadOnlyList<Model.ObservedResource> Items, Uri? NextLink) Read(string json, Interner? interner = null) =>
        ArmPageReader.Read(Encoding.UTF8.GetBytes(json), interner);

    [Fact]
    public void A_page_gives_its_items_and_next_link_skipping_members_it_does_not_use()
    {
        var page = Read($$$"""
            {"odata":{"x":[1,2]},"value":[{"name":"n","id":"{{{Mapping}}}","etag":null,"type":"Microsoft.AzureStack/registrations/customerSubscriptions",
              "properties":{"tenantId":"{{{Tenant}}}","count":3,"nested":{"a":"b"}},"systemData":{"createdBy":"x"}}],
             "nextLink":"https://management.azure.com/next?page=2"}
            """);

        var item = Assert.Single(page.Items);
        Assert.Equal(Mapping, item.Id.ToString());
        Assert.Equal("Microsoft.AzureStack/registrations/customerSubscriptions", item.Type);
        Assert.Equal([new KeyValuePair<string, string>("tenantId", Tenant)], item.Properties);
        Assert.Equal(new Uri("https://management.azure.com/next?page=2"), page.NextLink);
    }

    [Fact]
    public void Escaped_text_is_unescaped_and_a_repeated_property_keeps_its_last_value()
    {
        var page = Read($$$"""{"value":[{"id":"{{{Mapping.Replace("/", "\\/", StringComparison.Ordinal)}}}","properties":{"tenantId":"old","tenant\u0049d":"{{{Tenant}}}","note":"a \"quoted\" \u00e9"}}]}""");

        var item = Assert.Single(page.Items);
        Assert.Equal(Mapping, item.Id.ToString());
        Assert.Equal(Tenant, item.Properties["tenantId"]);
        Assert.Equal("a \"quoted\" é", item.Properties["note"]);
        Assert.Equal("Microsoft.AzureStack/registrations/customerSubscriptions", item.Type);
    }

    [Fact]
    public void Each_item_keeps_its_own_properties_and_an_item_without_any_has_none()
    {
        var page = Read($$$"""
            {"value":[
              {"id":"{{{Mapping}}}1","properties":{"tenantId":"t1","region":"west"}},
              {"id":"{{{Mapping}}}2","properties":{"tenantId":"t2"}},
              {"id":"{{{Mapping}}}3"},
              {"id":"{{{Mapping}}}4","properties":{"tenantId":"t4"},"properties":{"tenantId":"t4b"}}]}
            """);

        Assert.Equal(
            [["region=west", "tenantId=t1"], ["tenantId=t2"], [], ["tenantId=t4b"]],
            page.Items.Select(i => i.Properties.Select(p => $"{p.Key}={p.Value}").ToArray()));
    }

    [Theory]
    [InlineData("""{}""")]
    [InlineData("""{"value":null,"nextLink":null}""")]
    [InlineData("""{"value":[],"nextLink":""}""")]
    public void A_page_without_items_is_empty_and_last(string json)
    {
        var page = Read(json);

        Assert.Empty(page.Items);
        Assert.Null(page.NextLink);
    }

    [Theory]
    [InlineData("""[]""", "must be a JSON object, not Array")]
    [InlineData("""{"value":[42]}""", "a resource must be a JSON object, not Number")]
    [InlineData("""{"value":[{"type":"t"}]}""", "has no 'id'")]
    [InlineData("""{"value":[{"id":"/subscriptions//x"}]}""", "is not an ARM resource id")]
    [InlineData("""{"value":[],"nextLink":"next?page=2"}""", "not an absolute URI")]
    public void A_body_that_is_not_a_page_is_refused_with_the_reason(string json, string reason)
    {
        var error = Assert.Throws<FormatException>(() => Read(json));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_body_cut_short_is_refused()
    {
        Assert.ThrowsAny<JsonException>(() => Read("""{"value":[{"id":"/subscriptions/s"""));
    }

    [Fact]
    public void With_an_interner_known_ids_and_property_sets_are_shared_not_copied()
    {
        var (desired, interner) = DesiredMapping();

        var item = Assert.Single(Read($$$"""{"value":[{"id":"{{{Mapping}}}","type":"Microsoft.AzureStack/registrations/customerSubscriptions","properties":{"tenantId":"{{{Tenant}}}"}}]}""", interner).Items);

        Assert.True(desired.Id.SharesTextWith(item.Id));
        Assert.Same(desired.Properties, item.Properties);
        Assert.Same(desired.Type, item.Type);
    }

    [Fact]
    public void An_item_with_a_desired_id_keeps_the_type_and_properties_it_was_listed_with()
    {
        // The reader compares an item's values with the desired resource of its id: what differs is read as listed.
        var (desired, interner) = DesiredMapping();

        var items = Read($$$"""{"value":[{"id":"{{{Mapping}}}","type":"Microsoft.AzureStack/registrations/other","properties":{"tenantId":"00000000-0000-4000-8000-0000000000ff"}},{"id":"{{{Mapping}}}","properties":{"tenantId":"{{{Tenant}}}","extra":"x"}}]}""", interner).Items;

        Assert.True(desired.Id.SharesTextWith(items[0].Id));
        Assert.Equal("Microsoft.AzureStack/registrations/other", items[0].Type);
        Assert.Equal("00000000-0000-4000-8000-0000000000ff", items[0].Properties["tenantId"]);
        Assert.Equal(2, items[1].Properties.Count);
        Assert.Equal("x", items[1].Properties["extra"]);
    }

    /// <summary>The mapping as a desired resource, and an interner seeded with it.</summary>
    private static (Resource Desired, Interner Interner) DesiredMapping()
    {
        var desired = new Resource(
            Urn.Create("dev", "p", "t", "west-contoso"),
            ArmResourceId.Parse(Mapping),
            "Microsoft.AzureStack/registrations/customerSubscriptions",
            "2017-06-01",
            Resource.PropertiesOf(("tenantId", Tenant)),
            null,
            ResourceOptions.None);
        return (desired, Interner.From(new ResourceGraph("p", "dev", [new Component(Urn.Create("dev", "p", "c", "west"), "c", "west", [desired])])));
    }
}
