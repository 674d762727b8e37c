namespace Provisioning.Sdk.AzureStack;

/// <summary>
/// The inputs of a <see cref="CustomerSubscription"/>, with azure-native's names, plus the registration's subscription.
/// Under a <see cref="TenantRegistration"/> parent, the registration's inputs left null are taken from it.
/// </summary>
public sealed class CustomerSubscriptionArgs
{
    /// <summary>The subscription that holds the registration; required without a TenantRegistration parent.</summary>
    public string? SubscriptionId { get; set; }

    /// <summary>The registration's resource group. Default: the parent's, else <c>azurestack</c>.</summary>
    public string? ResourceGroup { get; set; }

    /// <summary>The registration's ARM name; required without a TenantRegistration parent.</summary>
    public string? RegistrationName { get; set; }

    /// <summary>The customer subscription id (a GUID): the mapping's ARM name.</summary>
    public string? CustomerSubscriptionName { get; set; }

    /// <summary>The tenant's directory id (a GUID).</summary>
    public string? TenantId { get; set; }
}
