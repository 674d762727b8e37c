using Provisioning.Model;

namespace Provisioning.Tests.Model;

public sealed class ArmResourceIdTests
{
    private const string Registration =
        "/subscriptions/7A1C0F3E-0000-4000-8000-00000000AB12/resourceGroups/AzureStack/providers/Microsoft.AzureStack/registrations/azurestack-CLOUD1";

    private const string Mapping = Registration + "/customerSubscriptions/0b5c4d6e-1111-4222-8333-444455556666";

    [Fact]
    public void Parse_then_format_gives_back_the_id_with_its_casing()
    {
        var id = ArmResourceId.Parse(Mapping);

        Assert.Equal(Mapping, id.ToString());
    }

    [Fact]
    public void Parse_accepts_lower_case_keywords_and_keeps_them_as_written()
    {
        const string text = "/SUBSCRIPTIONS/sub/resourcegroups/rg/PROVIDERS/Microsoft.AzureStack/registrations/reg";

        var id = ArmResourceId.Parse(text);

        Assert.Equal(text, id.ToString());
        Assert.Equal("rg", id.ResourceGroup);
    }

    [Fact]
    public void Ids_that_differ_only_in_case_are_equal_and_hash_alike()
    {
        var written = ArmResourceId.Parse(Mapping);
        var shouted = ArmResourceId.Parse(Mapping.ToUpperInvariant());

        Assert.Equal(written, shouted);
        Assert.True(written == shouted);
        Assert.Equal(written.GetHashCode(), shouted.GetHashCode());
        Assert.Contains(shouted, new HashSet<ArmResourceId> { written });
    }

    [Fact]
    public void Ids_of_different_resources_are_not_equal()
    {
        var one = ArmResourceId.Parse(Mapping);
        var other = ArmResourceId.Parse(Registration + "/customerSubscriptions/0b5c4d6e-1111-4222-8333-444455556667");

        Assert.NotEqual(one, other);
        Assert.True(one != other);
    }

    [Fact]
    public void A_child_id_knows_its_subscription_group_type_name_and_parent()
    {
        var id = ArmResourceId.Parse(Mapping);

        Assert.Equal("7A1C0F3E-0000-4000-8000-00000000AB12", id.SubscriptionId);
        Assert.Equal("AzureStack", id.ResourceGroup);
        Assert.Equal("Microsoft.AzureStack", id.ProviderNamespace);
        Assert.Equal("Microsoft.AzureStack/registrations/customerSubscriptions", id.ResourceType);
        Assert.Equal("0b5c4d6e-1111-4222-8333-444455556666", id.Name);
        Assert.Equal(Registration, id.Parent?.ToString());
    }

    [Fact]
    public void A_top_level_resource_has_a_type_and_name_but_no_parent()
    {
        var id = ArmResourceId.Parse(Registration);

        Assert.Equal("Microsoft.AzureStack/registrations", id.ResourceType);
        Assert.Equal("azurestack-CLOUD1", id.Name);
        Assert.Null(id.Parent);
    }

    [Fact]
    public void A_resource_group_id_is_a_scope_named_after_the_group()
    {
        var id = ArmResourceId.Parse("/subscriptions/sub/resourceGroups/rg");

        Assert.Equal("sub", id.SubscriptionId);
        Assert.Equal("rg", id.ResourceGroup);
        Assert.Null(id.ProviderNamespace);
        Assert.Equal(string.Empty, id.ResourceType);
        Assert.Equal("rg", id.Name);
        Assert.Null(id.Parent);
    }

    [Fact]
    public void A_subscription_scoped_resource_has_no_resource_group()
    {
        var id = ArmResourceId.Parse("/subscriptions/sub/providers/Microsoft.Resources/deployments/d1");

        Assert.Null(id.ResourceGroup);
        Assert.Equal("Microsoft.Resources/deployments", id.ResourceType);
        Assert.Equal("d1", id.Name);
    }

    [Fact]
    public void Child_appends_a_type_and_name_and_is_the_parent_of_what_it_builds()
    {
        var registration = ArmResourceId.Parse(Registration);

        var child = registration.Child("customerSubscriptions", "0b5c4d6e-1111-4222-8333-444455556666");

        Assert.Equal(Mapping, child.ToString());
        Assert.Equal(ArmResourceId.Parse(Mapping), child);
        Assert.Equal(registration, child.Parent);
        Assert.Equal("Microsoft.AzureStack/registrations/customerSubscriptions", child.ResourceType);
    }

    [Fact]
    public void Child_of_a_scope_is_refused()
    {
        var group = ArmResourceId.Parse("/subscriptions/sub/resourceGroups/rg");

        Assert.Throws<InvalidOperationException>(() => group.Child("customerSubscriptions", "x"));
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("/")]
    public void Child_refuses_a_name_that_would_add_segments(string name)
    {
        var registration = ArmResourceId.Parse(Registration);

        Assert.Throws<ArgumentException>(() => registration.Child("customerSubscriptions", name));
    }

    [Theory]
    [InlineData("subscriptions/sub/resourceGroups/rg/providers/Microsoft.AzureStack/registrations/reg")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("/")]
    [InlineData("/tenants/t")]
    [InlineData("/subscriptions")]
    [InlineData("/subscriptions/sub/resourceGroups")]
    [InlineData("/subscriptions/sub/resourceGroups/rg/providers/Microsoft.AzureStack/registrations")]
    [InlineData("/subscriptions/sub/resourceGroups/rg/providers/Microsoft.AzureStack")]
    [InlineData("/subscriptions/sub/resourceGroups/rg/providers/Microsoft.AzureStack/registrations/reg/customerSubscriptions")]
    [InlineData("/subscriptions/sub/resourceGroups//providers/Microsoft.AzureStack/registrations/reg")]
    [InlineData("/subscriptions/sub/resourceGroups/rg/providers/Microsoft.AzureStack/registrations//customerSubscriptions/x")]
    [InlineData("/subscriptions/sub/resourceGroups/rg/things/Microsoft.AzureStack/registrations/reg")]
    public void Parse_rejects_a_malformed_id_with_a_format_exception(string text)
    {
        var error = Assert.Throws<FormatException>(() => ArmResourceId.Parse(text));

        Assert.Contains("is not an ARM resource id", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_says_what_is_wrong_without_throwing()
    {
        var ok = ArmResourceId.TryParse(Registration + "/customerSubscriptions", out _, out var error);

        Assert.False(ok);
        Assert.Contains("every resource type needs a name", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parsing_characters_gives_the_same_id_and_parts_as_parsing_a_string()
    {
        var fromString = ArmResourceId.Parse(Mapping);

        Assert.True(ArmResourceId.TryParse((Mapping + "/").AsSpan(), out var fromSpan, out var error), error);

        Assert.Equal(Mapping, fromSpan.ToString());
        Assert.Equal(fromString, fromSpan);
        Assert.Equal("7A1C0F3E-0000-4000-8000-00000000AB12", fromSpan.SubscriptionId);
        Assert.Equal("AzureStack", fromSpan.ResourceGroup);
        Assert.Equal("Microsoft.AzureStack", fromSpan.ProviderNamespace);
        Assert.Equal("Microsoft.AzureStack/registrations/customerSubscriptions", fromSpan.ResourceType);
        Assert.Equal("0b5c4d6e-1111-4222-8333-444455556666", fromSpan.Name);
        Assert.Equal(Registration, fromSpan.Parent.ToString());
    }

    [Fact]
    public void IsChildOf_matches_the_parent_ignoring_case_and_nothing_else()
    {
        var mapping = ArmResourceId.Parse(Mapping);

        Assert.True(mapping.IsChildOf(ArmResourceId.Parse(Registration.ToUpperInvariant())));
        Assert.False(mapping.IsChildOf(ArmResourceId.Parse(Registration + "x")));
        Assert.False(mapping.IsChildOf(mapping));
        Assert.False(ArmResourceId.Parse(Registration).IsChildOf(ArmResourceId.Parse(Registration)));
    }

    [Fact]
    public void An_id_longer_than_the_limit_is_refused_with_a_reason()
    {
        var text = Registration + "/customerSubscriptions/" + new string('a', ArmResourceId.MaxLength);

        Assert.False(ArmResourceId.TryParse(text, out _, out var error));
        Assert.Contains("longer than", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_child_made_from_its_parent_is_the_same_id_as_its_text_parsed_in_every_part()
    {
        var made = ArmResourceId.Parse(Registration).Child("customerSubscriptions", "0b5c4d6e-1111-4222-8333-444455556666");
        var parsed = ArmResourceId.Parse(Mapping);
        var shouted = ArmResourceId.Parse(Mapping.ToUpperInvariant());

        Assert.Equal(Mapping, made.ToString());
        Assert.Equal(Mapping.Length, made.Length);
        Assert.Equal(parsed, made);
        Assert.Equal(made, shouted);
        Assert.Equal(parsed.GetHashCode(), made.GetHashCode());
        Assert.Equal(shouted.GetHashCode(), made.GetHashCode());
        Assert.Equal((parsed.SubscriptionId, parsed.ResourceGroup, parsed.ProviderNamespace, parsed.ResourceType, parsed.Name), (made.SubscriptionId, made.ResourceGroup, made.ProviderNamespace, made.ResourceType, made.Name));
        Assert.Equal(Registration, made.Parent!.Value.ToString());
        Assert.Equal(ArmResourceId.Parse(Registration).GetHashCode(), made.Parent!.Value.GetHashCode());
        Assert.True(made.IsChildOf(ArmResourceId.Parse(Registration.ToLowerInvariant())));
        Assert.False(made.IsChildOf(made));
        Assert.True(made.TextEquals(Mapping));
        Assert.False(made.TextEquals(Mapping.ToUpperInvariant()));
        Assert.False(made.TextEquals(Mapping + "0"));
        var copied = new char[made.Length];
        Assert.Equal(Mapping.Length, made.CopyTo(copied));
        Assert.Equal(Mapping, new string(copied));
        made.SplitLast(out var head, out var type, out var name);
        Assert.Equal((Registration, "customerSubscriptions", "0b5c4d6e-1111-4222-8333-444455556666"), (head.ToString(), type.ToString(), name.ToString()));
        Assert.Contains(parsed, new HashSet<ArmResourceId> { made });
        Assert.Contains(made, new HashSet<ArmResourceId> { shouted });
    }

    [Fact]
    public void Children_of_children_and_of_parsed_children_agree_with_their_text()
    {
        var made = ArmResourceId.Parse(Registration).Child("customerSubscriptions", "a").Child("things", "b");
        var parsed = ArmResourceId.Parse(Registration + "/customerSubscriptions/a/things/b");

        Assert.Equal(parsed, made);
        Assert.Equal(parsed.GetHashCode(), made.GetHashCode());
        Assert.Equal(parsed.ToString(), made.ToString());
        Assert.Equal(parsed.Parent, made.Parent);
        Assert.True(made.IsChildOf(ArmResourceId.Parse(Registration + "/customerSubscriptions/a")));
        Assert.True(ArmResourceId.Parse(Registration + "/customerSubscriptions/a").IsChildOf(ArmResourceId.Parse(Registration)));
        Assert.NotEqual(ArmResourceId.Parse(Registration).Child("customerSubscriptions", "ab"), ArmResourceId.Parse(Registration + "/customerSubscriptions/a").Child("x", "b"));
    }

    [Fact]
    public void Ids_that_share_a_text_instance_say_so_and_copies_do_not()
    {
        var parent = ArmResourceId.Parse(Registration);
        var made = parent.Child("customerSubscriptions", "x");

        Assert.True(made.SharesTextWith(made));
        Assert.False(made.SharesTextWith(parent.Child("customerSubscriptions", "x")));
        Assert.False(made.SharesTextWith(ArmResourceId.Parse(made.ToString())));
    }
}
