namespace Provisioning.Programs;

/// <summary>
/// The input names of the resources the engine understands, as they appear in a <see cref="ProgramResource"/>:
/// azure-native's input names of <c>CustomerSubscription</c>, plus the registration's subscription id.
/// </summary>
public static class ProgramInputNames
{
    /// <summary>The subscription that holds the registration (not the customer's).</summary>
    public const string SubscriptionId = "subscriptionId";

    /// <summary>The registration's resource group.</summary>
    public const string ResourceGroup = "resourceGroup";

    /// <summary>The registration's ARM name.</summary>
    public const string RegistrationName = "registrationName";

    /// <summary>The customer subscription id (the mapping's ARM name).</summary>
    public const string CustomerSubscriptionName = "customerSubscriptionName";

    /// <summary>The tenant's directory id.</summary>
    public const string TenantId = "tenantId";
}
