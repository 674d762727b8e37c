namespace Provisioning.ArmEmulator;

/// <summary>One registration held by the emulator, with names in the casing the caller last used.</summary>
/// <param name="SubscriptionId">The subscription that holds the registration.</param>
/// <param name="ResourceGroup">The resource group that holds the registration.</param>
/// <param name="Name">The registration name.</param>
/// <param name="ObjectId">The object id the emulator assigned at creation.</param>
/// <param name="CloudId">The cloud id the emulator assigned at creation.</param>
/// <param name="BillingModel">The billing model, "Development" unless the caller chose another.</param>
public sealed record EmulatorRegistration(
    string SubscriptionId,
    string ResourceGroup,
    string Name,
    string ObjectId,
    string CloudId,
    string BillingModel)
{
    /// <summary>Gets the ARM resource id of the registration.</summary>
    public string Id =>
        $"/subscriptions/{SubscriptionId}/resourceGroups/{ResourceGroup}/providers/Microsoft.AzureStack/registrations/{Name}";
}
