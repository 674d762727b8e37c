using System.Collections.Immutable;
using Provisioning.Config;
using Provisioning.Engine;
using Provisioning.Model;

namespace Provisioning.Tests.Engine;

/// <summary>The names init --from-azure gives what it found: readable, unique, the same for the same fleet.</summary>
public sealed class FleetDeclarationTests
{
    private const string Subscription = "6513270E-269E-4D37-B2A7-4DE452E6B438";

    [Theory]
    [InlineData("azurestack-west", "west")]
    [InlineData("AzureStack-West", "west")]
    [InlineData("azurestack-", "azurestack")]
    [InlineData("stamp#1 (lab)", "stamp-1--lab")]
    [InlineData("azurestack-d23f0824-128b-4f33-8c5c-7fd0a6a3a450", "d23f0824-128b-4f33-8c5c-7fd0a6a3a450")]
    public void A_registration_key_is_its_name_readable(string name, string key)
    {
        Assert.Equal(key, FleetDeclaration.KeyOf(name));
    }

    [Fact]
    public void Registrations_whose_names_give_one_key_are_numbered_in_the_order_of_their_ids()
    {
        var registrations = FleetDeclaration.Registrations([Id("zeta", "azurestack-west"), Id("alpha", "AzureStack-West"), Id("alpha", "azurestack-east")], "Pulumi.prod.yaml");

        Assert.Equal(["east", "west", "west-2"], registrations.Select(r => r.Key));
        Assert.Equal(["alpha", "alpha", "zeta"], registrations.Select(r => r.ResourceGroup));
        Assert.All(registrations, r => Assert.Equal(Subscription.ToLowerInvariant(), r.SubscriptionId));
    }

    [Fact]
    public void Tenants_get_import_keys_and_lower_case_ids_and_mappings_without_a_tenant_are_left_out()
    {
        var registrations = FleetDeclaration.Registrations([Id("azurestack", "azurestack-west"), Id("azurestack", "azurestack-east")], "Pulumi.prod.yaml");
        var stack = new StackDefinition("p", "prod", CloudSpec.AzureCloud, registrations, []);
        ObservedResource[] found =
        [
            Mapping(registrations[1], "8D116ECE-1738-47D9-BD9C-172411E20B8F", "6B0D549B-6F03-475A-9600-A35A099950D8"),
            Mapping(registrations[0], "8d116ece-1738-47d9-bd9c-172411e20b8f", "6b0d549b-6f03-475a-9600-a35a099950d8"),
            Mapping(registrations[0], "a170b338-3926-4059-b28c-105d1fb17c23", "6b0d549b-aaaa-475a-9600-a35a099950d8"),
            Mapping(registrations[0], "0fd630f1-f29d-4da9-953f-48f1a09f76b5", null),
        ];

        var tenants = FleetDeclaration.Tenants(stack, found, out var skipped);

        Assert.Equal(1, skipped);
        Assert.Equal(["tenant-6b0d549b-6f03", "tenant-6b0d549b-aaaa"], tenants.Select(t => t.Key));
        var first = tenants[0];
        Assert.Equal(("6b0d549b-6f03-475a-9600-a35a099950d8", "8d116ece-1738-47d9-bd9c-172411e20b8f"), (first.TenantId, first.SubscriptionId));
        Assert.Equal([new TenantEntryRegistration("east", null), new TenantEntryRegistration("west", null)], first.Registrations);
    }

    private static ArmResourceId Id(string group, string name) =>
        ArmResourceId.Parse($"/subscriptions/{Subscription}/resourceGroups/{group}/providers/Microsoft.AzureStack/registrations/{name}");

    private static ObservedResource Mapping(Provisioning.AzureStack.Registration registration, string subscription, string? tenant) =>
        new(registration.Id.Child("customerSubscriptions", subscription), "Microsoft.AzureStack/registrations/customerSubscriptions",
            tenant is null ? ImmutableSortedDictionary<string, string>.Empty : ImmutableSortedDictionary<string, string>.Empty.Add("tenantId", tenant));
}
