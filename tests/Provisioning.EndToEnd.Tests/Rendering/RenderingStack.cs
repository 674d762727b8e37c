using System.Globalization;
using System.Text;

namespace Provisioning.EndToEnd.Tests.Rendering;

/// <summary>Stack files for the rendering tests: registrations on one subscription, numbered tenants each on every registration.</summary>
internal static class RenderingStack
{
    public const string Subscription = "6513270e-269e-4d37-b2a7-4de452e6b438";

    public static readonly string[] Registrations = ["west", "east", "north"];

    public static string RegistrationName(string key) => $"azurestack-{key}";

    public static string RegistrationId(string key) =>
        $"/subscriptions/{Subscription}/resourceGroups/azurestack/providers/Microsoft.AzureStack/registrations/{RegistrationName(key)}";

    public static string TenantId(int n) => Guid(n, 0xa);

    public static string CustomerSubscription(int n) => Guid(n, 0xc);

    public static string MappingId(string registration, int n) => $"{RegistrationId(registration)}/customerSubscriptions/{CustomerSubscription(n)}";

    /// <summary>The stack file with <paramref name="tenants"/> (numbers) on each of <paramref name="registrations"/>.</summary>
    public static string Yaml(IEnumerable<int> tenants, IReadOnlyList<string>? registrations = null)
    {
        registrations ??= Registrations;
        var yaml = new StringBuilder();
        yaml.Append("config:\n  tenant-registrations:cloud: local\n  tenant-registrations:registrations:\n");
        foreach (var r in registrations)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"    {r}: {{ subscriptionId: {Subscription}, resourceGroup: azurestack, name: {RegistrationName(r)} }}\n");
        }

        yaml.Append("  tenant-registrations:tenants:\n");
        foreach (var n in tenants)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"    tenant-{n:000}:\n      tenantId: {TenantId(n)}\n      subscriptionId: {CustomerSubscription(n)}\n      registrations: [{string.Join(", ", registrations)}]\n");
        }

        return yaml.ToString();
    }

    private static string Guid(int n, int kind) => string.Create(CultureInfo.InvariantCulture, $"{n + 1:x8}-0000-4000-8000-{kind:x12}");
}
