using Provisioning.AzureStack;
using Provisioning.Model;

namespace Provisioning.Export;

/// <summary>One mapping (customerSubscriptions resource) as the exporters see it: the desired resource and its readable identifier.</summary>
/// <param name="Identifier">The stable identifier every format names the resource by, e.g. <c>west_contoso</c>.</param>
/// <param name="TenantKey">The tenant's key in the stack file.</param>
/// <param name="Resource">The desired resource, as <see cref="Config.StackDefinition.Expand"/> makes it.</param>
public sealed record ExportMapping(string Identifier, string TenantKey, Resource Resource)
{
    /// <summary>The customer subscription id: the resource's own name under the registration.</summary>
    public string CustomerSubscriptionName => Resource.Id.Name;

    /// <summary>The tenant (directory) id sent in <c>properties.tenantId</c>.</summary>
    public string TenantId => Resource.Properties[TenantRegistration.TenantIdProperty];

    /// <summary>The ARM id of the parent registration.</summary>
    public ArmResourceId RegistrationId => Resource.Id.Parent!.Value;
}
