using Provisioning.Sdk;
using Provisioning.Sdk.AzureStack;

namespace TenantRegistrations;

/// <summary>
/// The program: one TenantRegistration per stamp of the stack's config; each maps the tenants of the CSV that list the
/// stamp. Program.cs hands it to <c>Deployment.RunAsync</c>; the unit tests hand it to <c>Deployment.TestAsync</c>.
/// </summary>
internal static class TenantRegistrationsProgram
{
    /// <summary>Declares the resources and returns the stack outputs.</summary>
    public static IDictionary<string, object?> Declare()
    {
        var config = new Config();
        var stamps = config.RequireObject<Stamp[]>("stamps");
        var tenants = TenantCsv.Read(config.Get("tenantsFile") ?? "tenants.csv");
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
                    RetainOnDelete = tenant.RetainOnDelete,
                });
                mappings++;
            }

            _ = new TenantRegistration(stamp.Key, args);
        }

        return new Dictionary<string, object?> { ["stamps"] = stamps.Length, ["mappings"] = mappings };
    }
}
