using Provisioning.Engine;
using Provisioning.Config;

namespace Provisioning.Cli.Tests;

/// <summary>The keys import gives tenants the stack does not declare: unique, readable, stable, valid names.</summary>
public sealed class AdoptedNamesTests
{
    private static readonly StackDefinition Stack = StackLoader.Parse("Pulumi.yaml", "name: tenant-registrations\nruntime: provision\n", "Pulumi.dev.yaml", ProjectFolder.DevStack, "dev").Stack!;

    [Fact]
    public void A_tenant_alone_gets_its_first_eight_digits_in_lower_case()
    {
        var keys = AdoptedNames.AllocateTenantKeys(Stack, [("west", "EC66A787-95E7-41D1-B731-AF10506BF2EF")], [], new HashSet<string>());

        Assert.Equal("tenant-ec66a787", Assert.Single(keys).Value);
    }

    [Theory]
    [InlineData("55555555-aaaa-4333-8444-555555555555", "55555555-bbbb-4333-8444-555555555555", "tenant-55555555-aaaa", "tenant-55555555-bbbb")]
    [InlineData("55555555-aaaa-4333-8444-555555555555", "55555555-aaaa-4334-8444-555555555555", "tenant-55555555-aaaa-4333", "tenant-55555555-aaaa-4334")]
    [InlineData("55555555-aaaa-4333-8444-555555555551", "55555555-aaaa-4333-8444-555555555552", "tenant-55555555-aaaa-4333-8444-555555555551", "tenant-55555555-aaaa-4333-8444-555555555552")]
    public void Tenants_sharing_a_prefix_get_the_shortest_prefix_cut_at_a_dash_that_tells_them_apart(string first, string second, string firstKey, string secondKey)
    {
        var keys = AdoptedNames.AllocateTenantKeys(Stack, [("west", second), ("east", first)], [], new HashSet<string>());

        Assert.Equal(firstKey, keys[first]);
        Assert.Equal(secondKey, keys[second]);
        Assert.All(keys.Values, k => Assert.Matches("^[A-Za-z0-9_.-]+$", k));
    }

    [Fact]
    public void A_key_is_never_one_a_declared_tenant_or_an_earlier_import_uses_or_one_whose_urn_is_taken()
    {
        var declaredClash = Stack with { Tenants = [.. Stack.Tenants, Stack.Tenants[0] with { Key = "tenant-ec66a787", TenantId = "00000000-1111-4222-8333-444444444444" }] };

        var declared = AdoptedNames.AllocateTenantKeys(declaredClash, [("west", "ec66a787-95e7-41d1-b731-af10506bf2ef")], [], new HashSet<string>());
        var earlier = AdoptedNames.AllocateTenantKeys(Stack, [("west", "ec66a787-95e7-41d1-b731-af10506bf2ef")], [("tenant-ec66a787", "ec66a787-0000-4000-8000-000000000000")], new HashSet<string>());
        var taken = AdoptedNames.AllocateTenantKeys(Stack, [("west", "ec66a787-95e7-41d1-b731-af10506bf2ef")], [], new HashSet<string> { "west-tenant-ec66a787" });
        var kept = AdoptedNames.AllocateTenantKeys(Stack, [("east", "ec66a787-95e7-41d1-b731-af10506bf2ef")], [("tenant-mine", "EC66A787-95E7-41D1-B731-AF10506BF2EF")], new HashSet<string>());

        Assert.Equal("tenant-ec66a787-95e7", Assert.Single(declared).Value);
        Assert.Equal("tenant-ec66a787-95e7", Assert.Single(earlier).Value);
        Assert.Equal("tenant-ec66a787-95e7", Assert.Single(taken).Value);
        Assert.Equal("tenant-mine", Assert.Single(kept).Value);
    }

    [Fact]
    public void A_declared_tenant_keeps_its_own_key_and_gets_none()
    {
        var keys = AdoptedNames.AllocateTenantKeys(Stack, [("east", "0CB1E29C-658C-4A14-95E6-0AF593BD04CF")], [], new HashSet<string>());

        Assert.Empty(keys);
        Assert.Equal("northwind", AdoptedNames.TenantKey(Stack, "0cb1e29c-658c-4a14-95e6-0af593bd04cf"));
    }

    [Fact]
    public void The_same_inputs_give_the_same_keys_whatever_their_order()
    {
        (string, string)[] mappings = [("west", "55555555-aaaa-4333-8444-555555555555"), ("east", "55555555-bbbb-4333-8444-555555555555"), ("west", "12345678-aaaa-4333-8444-555555555555")];

        var forward = AdoptedNames.AllocateTenantKeys(Stack, mappings, [], new HashSet<string>());
        var backward = AdoptedNames.AllocateTenantKeys(Stack, [.. mappings.Reverse()], [], new HashSet<string>());

        Assert.Equal(forward.OrderBy(k => k.Key, StringComparer.Ordinal), backward.OrderBy(k => k.Key, StringComparer.Ordinal));
        Assert.Equal(3, forward.Values.Distinct(StringComparer.Ordinal).Count());
    }
}
