using System.Globalization;
using System.Text;
using Provisioning.Sdk.AzureStack;

namespace Provisioning.Sdk.Tests;

/// <summary>
/// One deployment described as data: three stamps and N tenants. Tenant i is on every stamp; on north it is billed to
/// another subscription; every third tenant is protected. The same data becomes a program and a YAML stack.
/// </summary>
internal sealed class Stamps(int tenants)
{
    public const string Project = "tenant-registrations";
    public const string Stack = "prod";

    public static readonly (string Key, string Subscription, string Group, string Name)[] All =
    [
        ("west", "a1a1a1a1-0000-4000-8000-000000000001", "azurestack", "azurestack-WEST01"),
        ("east", "b2b2b2b2-0000-4000-8000-000000000002", "AzureStack-East", "azurestack-EAST01"),
        ("north", "c3c3c3c3-0000-4000-8000-000000000003", "azurestack", "azurestack-NORTH01"),
    ];

    public IReadOnlyList<(string Name, string TenantId, string Subscription, string NorthSubscription, bool Protect)> Tenants { get; } =
        [.. Enumerable.Range(0, tenants).Select(i => (
            $"tenant{i}",
            Guid(0x10000000 + i),
            Guid(0x20000000 + i).ToUpperInvariant(), // as an operator might paste it: the ARM id is lower case either way
            Guid(0x30000000 + i),
            i % 3 == 0))];

    public static ProgramSettings Settings(IReadOnlyDictionary<string, System.Text.Json.JsonElement>? config = null) =>
        new(Project, Stack) { Config = config ?? new Dictionary<string, System.Text.Json.JsonElement>() };

    /// <summary>Declares the deployment with the SDK (inside a running program).</summary>
    public List<TenantRegistration> Declare()
    {
        var declared = new List<TenantRegistration>();
        foreach (var (key, subscription, group, name) in All)
        {
            var args = new TenantRegistrationArgs { SubscriptionId = subscription, ResourceGroup = group, RegistrationName = name };
            foreach (var tenant in Tenants)
            {
                args.Tenants.Add(new TenantMappingArgs
                {
                    Name = tenant.Name,
                    TenantId = tenant.TenantId,
                    SubscriptionId = key == "north" ? tenant.NorthSubscription : tenant.Subscription,
                    Protect = tenant.Protect ? true : null,
                });
            }

            declared.Add(new TenantRegistration(key, args));
        }

        return declared;
    }

    /// <summary>The same deployment as a YAML stack file.</summary>
    public string StackYaml()
    {
        var yaml = new StringBuilder();
        yaml.AppendLine("config:");
        yaml.AppendLine($"  {Project}:cloud: AzureCloud");
        yaml.AppendLine($"  {Project}:registrations:");
        foreach (var (key, subscription, group, name) in All)
        {
            yaml.AppendLine(CultureInfo.InvariantCulture, $"    {key}: {{ subscriptionId: {subscription}, resourceGroup: {group}, name: {name} }}");
        }

        yaml.AppendLine($"  {Project}:tenants:");
        foreach (var tenant in Tenants)
        {
            yaml.AppendLine(CultureInfo.InvariantCulture, $"    {tenant.Name}:");
            yaml.AppendLine(CultureInfo.InvariantCulture, $"      tenantId: {tenant.TenantId}");
            yaml.AppendLine(CultureInfo.InvariantCulture, $"      subscriptionId: {tenant.Subscription}");
            if (tenant.Protect)
            {
                yaml.AppendLine("      protect: true");
            }

            yaml.AppendLine("      registrations:");
            yaml.AppendLine("        - west");
            yaml.AppendLine("        - east");
            yaml.AppendLine(CultureInfo.InvariantCulture, $"        - {{ registration: north, subscriptionId: {tenant.NorthSubscription} }}");
        }

        return yaml.ToString();
    }

    public const string ProjectYaml = $"name: {Project}\nruntime: dotnet\n";

    private static string Guid(int seed) => $"{seed:x8}-abcd-4abc-8abc-{seed:x12}";
}
