using Provisioning.AzureStack;
using Provisioning.Config;
using Provisioning.Execution;
using Provisioning.Model;

namespace Provisioning.Cli.Engine;

/// <summary>
/// Names a mapping found in Azure that the stack does not declare: the registration's key and the tenant's
/// key when the stack knows the tenant id, else <c>tenant-&lt;first 8 hex digits of the tenant id&gt;</c>.
/// </summary>
internal static class AdoptedNames
{
    /// <summary>The registration of the stack that is the parent of <paramref name="id"/>, if any.</summary>
    public static Registration? RegistrationOf(StackDefinition stack, ArmResourceId id)
    {
        ArgumentNullException.ThrowIfNull(stack);
        return stack.Registrations.FirstOrDefault(r => id.Parent is { } p && p == r.Id);
    }

    /// <summary>The tenant key to use for a tenant id: the stack's own key when declared.</summary>
    public static string TenantKey(StackDefinition stack, string? tenantId)
    {
        ArgumentNullException.ThrowIfNull(stack);
        var known = stack.Tenants.FirstOrDefault(t => string.Equals(t.TenantId, tenantId, StringComparison.OrdinalIgnoreCase));
        return known?.Key ?? (tenantId is { Length: >= 8 } ? $"tenant-{tenantId[..8].ToLowerInvariant()}" : "tenant-unknown");
    }

    /// <summary>The URN of the <c>TenantRegistration</c> component a mapping belongs to (named by its registration's key).</summary>
    public static Urn ComponentUrnOf(StackDefinition stack, ArmResourceId id)
    {
        ArgumentNullException.ThrowIfNull(stack);
        var registrationKey = RegistrationOf(stack, id)?.Key ?? id.Parent?.Name ?? "unknown";
        return Urn.Create(stack.Stack, stack.Project, TenantRegistration.ComponentType, registrationKey);
    }

    /// <summary>The URN a mapping found in Azure gets under its registration's component.</summary>
    public static Urn UrnOf(StackDefinition stack, ObservedResource found)
    {
        ArgumentNullException.ThrowIfNull(stack);
        ArgumentNullException.ThrowIfNull(found);
        var component = ComponentUrnOf(stack, found.Id);
        found.Properties.TryGetValue(TenantRegistration.TenantIdProperty, out var tenantId);
        var registrationKey = component.Name;
        return Urn.Create(stack.Stack, stack.Project, TenantRegistration.CustomerSubscriptionType, $"{registrationKey}-{TenantKey(stack, tenantId)}", component);
    }
}
