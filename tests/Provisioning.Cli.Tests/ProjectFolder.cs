namespace Provisioning.Cli.Tests;

/// <summary>A temporary project folder with Pulumi.yaml and one stack file (two stamps, three tenants by default).</summary>
internal sealed class ProjectFolder : IDisposable
{
    public const string West = "/subscriptions/6513270e-269e-4d37-b2a7-4de452e6b438/resourceGroups/azurestack/providers/Microsoft.AzureStack/registrations/azurestack-west";
    public const string East = "/subscriptions/6513270e-269e-4d37-b2a7-4de452e6b438/resourceGroups/azurestack/providers/Microsoft.AzureStack/registrations/azurestack-east";

    public const string DevStack = """
        config:
          tenant-registrations:cloud: local
          tenant-registrations:registrations:
            west: { subscriptionId: 6513270e-269e-4d37-b2a7-4de452e6b438, name: azurestack-west }
            east: { subscriptionId: 6513270e-269e-4d37-b2a7-4de452e6b438, name: azurestack-east }
          tenant-registrations:tenants:
            contoso:
              tenantId: 6b0d549b-6f03-475a-9600-a35a099950d8
              subscriptionId: 8d116ece-1738-47d9-bd9c-172411e20b8f
              registrations: [west, east]
            fabrikam:
              tenantId: 90c192cf-d3ac-44af-8f21-ddb66cad4a26
              subscriptionId: a170b338-3926-4059-b28c-105d1fb17c23
              registrations: [west, east]
              protect: true
            northwind:
              tenantId: 0cb1e29c-658c-4a14-95e6-0af593bd04cf
              subscriptionId: 8e81973e-0bec-47b0-b898-d190f9ebdacc
              registrations: [west]
        """;

    public ProjectFolder(string stackYaml = DevStack, string stack = "dev")
    {
        System.IO.File.WriteAllText(System.IO.Path.Combine(Path, "Pulumi.yaml"), "name: tenant-registrations\nruntime: provision\n");
        WriteStack(stack, stackYaml);
    }

    public string Path { get; } = Directory.CreateTempSubdirectory("provision-cli-").FullName;

    public string StatePath(string stack = "dev") => System.IO.Path.Combine(Path, ".provision", "stacks", "tenant-registrations", $"{stack}.json");

    public void WriteStack(string stack, string yaml) => System.IO.File.WriteAllText(System.IO.Path.Combine(Path, $"Pulumi.{stack}.yaml"), yaml);

    public string PathOf(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
