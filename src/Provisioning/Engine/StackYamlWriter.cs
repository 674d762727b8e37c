using System.Text;
using Provisioning.AzureStack;
using Provisioning.Config;
using Provisioning.State;

namespace Provisioning.Engine;

/// <summary>
/// Writes the <c>tenant-registrations:tenants</c> entries of the stack file for imported mappings, grouped by
/// tenant id: the most common customer subscription at the tenant level, the others per registration.
/// </summary>
internal static class StackYamlWriter
{
    /// <summary>The YAML block to merge under the stack file's tenants key.</summary>
    public static string Tenants(StackDefinition stack, IEnumerable<ResourceState> imported)
    {
        ArgumentNullException.ThrowIfNull(stack);
        var text = new StringBuilder();
        text.Append("# Add under config: in ").Append(StackLoader.StackFileName(stack.Stack)).Append(", merging with tenants already declared.\n");
        text.Append("  ").Append(stack.Project).Append(":tenants:\n");
        var byTenant = imported
            .Select(r => (Resource: r, Tenant: r.Properties.GetValueOrDefault(TenantRegistration.TenantIdProperty) ?? "unknown"))
            .GroupBy(x => x.Tenant, StringComparer.OrdinalIgnoreCase);
        foreach (var tenant in byTenant)
        {
            var mappings = tenant.Select(x => (Registration: AdoptedNames.RegistrationOf(stack, x.Resource.Id)?.Key ?? x.Resource.Id.Parent?.Name ?? "?", Subscription: x.Resource.Id.Name)).ToList();
            var main = mappings.GroupBy(m => m.Subscription, StringComparer.OrdinalIgnoreCase).OrderByDescending(g => g.Count()).First().Key;
            text.Append("    ").Append(AdoptedNames.TenantKey(stack, tenant.Key)).Append(":\n");
            text.Append("      tenantId: ").Append(tenant.Key).Append('\n');
            text.Append("      subscriptionId: ").Append(main).Append('\n');
            text.Append("      registrations:\n");
            foreach (var (registration, subscription) in mappings.OrderBy(m => m.Registration, StringComparer.Ordinal))
            {
                if (string.Equals(subscription, main, StringComparison.OrdinalIgnoreCase))
                {
                    text.Append("        - ").Append(registration).Append('\n');
                }
                else
                {
                    text.Append("        - registration: ").Append(registration).Append('\n');
                    text.Append("          subscriptionId: ").Append(subscription).Append('\n');
                }
            }
        }

        return text.ToString();
    }
}
