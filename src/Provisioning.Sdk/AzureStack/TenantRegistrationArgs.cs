namespace Provisioning.Sdk.AzureStack;

/// <summary>One stamp's registration and the tenants mapped on it.</summary>
public sealed class TenantRegistrationArgs
{
    /// <summary>The subscription that holds the registration (a GUID; not a customer's).</summary>
    public required string SubscriptionId { get; set; }

    /// <summary>The registration's resource group. Default: <c>azurestack</c>.</summary>
    public string ResourceGroup { get; set; } = "azurestack";

    /// <summary>The registration's ARM name (e.g. <c>azurestack-&lt;CloudId&gt;</c>).</summary>
    public required string RegistrationName { get; set; }

    /// <summary>The tenants mapped on this registration; takes a collection initializer (<c>Tenants = { new() { … } }</c>).</summary>
    public IList<TenantMappingArgs> Tenants { get; set; } = [];
}
