namespace Provisioning.Testing.Tests;

/// <summary>The mocks API as a user meets it: load stack YAML, run it on the in-memory provider, check ids, URNs and calls.</summary>
public sealed class StackTestTests
{
    private const string Project = """
        name: tenant-registrations
        runtime: provision
        """;

    private const string Stack = """
        config:
          tenant-registrations:cloud: AzureCloud
          tenant-registrations:registrations:
            west: { subscriptionId: 6513270e-269e-4d37-b2a7-4de452e6b438, name: azurestack-west }
            east: { subscriptionId: 6513270e-269e-4d37-b2a7-4de452e6b438, resourceGroup: stamps, name: azurestack-east }
          tenant-registrations:tenants:
            contoso:
              tenantId: 6b0d549b-6f03-475a-9600-a35a099950d8
              subscriptionId: 8D116ECE-1738-47D9-BD9C-172411E20B8F
              registrations: [west, east]
        """;

    [Fact]
    public async Task A_stack_loaded_from_yaml_puts_one_mapping_per_registration_with_exact_ids_and_urns()
    {
        var stack = StackTest.Load(Project, Stack, "prod");

        var result = await StackTest.RunAsync(stack);

        Assert.Equal<string>(
            [
                "/subscriptions/6513270e-269e-4d37-b2a7-4de452e6b438/resourceGroups/azurestack/providers/Microsoft.AzureStack/registrations/azurestack-west/customerSubscriptions/8d116ece-1738-47d9-bd9c-172411e20b8f",
                "/subscriptions/6513270e-269e-4d37-b2a7-4de452e6b438/resourceGroups/stamps/providers/Microsoft.AzureStack/registrations/azurestack-east/customerSubscriptions/8d116ece-1738-47d9-bd9c-172411e20b8f",
            ],
            result.Ids);
        Assert.Contains("urn:pulumi:prod::tenant-registrations::provisioning:azurestack:TenantRegistration$azure-native:azurestack:CustomerSubscription::east-contoso", result.Urns);
        Assert.Equal(2, result.Calls.Count(c => c.Method == "PUT"));
        Assert.All(result.Calls.Where(c => c.Method == "PUT"), c => Assert.Equal("6b0d549b-6f03-475a-9600-a35a099950d8", c.Properties!["tenantId"]));
    }

    [Fact]
    public void Loading_an_invalid_stack_throws_with_every_diagnostic()
    {
        var broken = Stack.Replace("registrations: [west, east]", "registrations: [west, nowhere]", StringComparison.Ordinal)
            .Replace("6b0d549b-6f03-475a-9600-a35a099950d8", "not-a-guid", StringComparison.Ordinal);

        var error = Assert.Throws<InvalidOperationException>(() => StackTest.Load(Project, broken, "prod"));

        Assert.Contains("PRV016", error.Message, StringComparison.Ordinal);
        Assert.Contains("PRV025", error.Message, StringComparison.Ordinal);
        Assert.Contains("Pulumi.prod.yaml(", error.Message, StringComparison.Ordinal);
    }
}
