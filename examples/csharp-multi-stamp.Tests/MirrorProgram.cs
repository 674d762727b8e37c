using Provisioning.Sdk;
using Provisioning.Sdk.AzureStack;

namespace TenantRegistrations.Tests;

/// <summary>
/// The example's Program.cs, line for line (its types are internal to the program, so the test keeps its own copy):
/// one TenantRegistration per stamp of the config, each mapping the tenants of the CSV that list the stamp.
/// </summary>
internal static class MirrorProgram
{
    public static IDictionary<string, object?> Run()
    {
        var config = new Config();
        var stamps = config.RequireObject<Stamp[]>("stamps");
        var tenants = ReadTenants(config.Get("tenantsFile") ?? "tenants.csv");
        var mappings = 0;
        foreach (var stamp in stamps)
        {
            var args = new TenantRegistrationArgs
            {
                SubscriptionId = stamp.SubscriptionId,
                ResourceGroup = stamp.ResourceGroup ?? "azurestack",
                RegistrationName = stamp.RegistrationName,
            };
            foreach (var tenant in tenants.Where(t => t.Stamps.Contains(stamp.Key)))
            {
                args.Tenants.Add(new TenantMappingArgs
                {
                    Name = tenant.Name,
                    TenantId = tenant.TenantId,
                    SubscriptionId = tenant.SubscriptionId,
                    Protect = tenant.Protect,
                });
                mappings++;
            }

            _ = new TenantRegistration(stamp.Key, args);
        }

        return new Dictionary<string, object?> { ["stamps"] = stamps.Length, ["mappings"] = mappings };
    }

    /// <summary>The CSV's rows: <c>name,tenantId,subscriptionId,stamps,protect</c>, stamps separated by spaces.</summary>
    private static List<TenantRow> ReadTenants(string path) =>
        [.. File.ReadAllLines(path).Skip(1).Where(l => l.Trim().Length > 0).Select(l => l.Split(',')).Select(c => new TenantRow(
            c[0],
            c[1],
            c[2],
            c[3].Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal),
            c[4].Trim().Length > 0 && bool.Parse(c[4].Trim())))];

    internal sealed record Stamp(string Key, string SubscriptionId, string RegistrationName, string? ResourceGroup);

    private sealed record TenantRow(string Name, string TenantId, string SubscriptionId, IReadOnlySet<string> Stamps, bool Protect);
}
