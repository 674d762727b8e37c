namespace Provisioning.ArmEmulator;

/// <summary>Everything the emulator holds, in the shape of the data file and of <c>GET /_emulator/state</c>.</summary>
/// <param name="Version">The format version, 1.</param>
/// <param name="Registrations">The registrations with their customer subscriptions.</param>
internal sealed record StateDocument(int Version, IReadOnlyList<StateRegistration> Registrations)
{
    /// <summary>The format version this build writes and reads.</summary>
    public const int CurrentVersion = 1;
}

/// <summary>One registration in the data file.</summary>
/// <param name="SubscriptionId">The subscription that holds the registration.</param>
/// <param name="ResourceGroup">The resource group that holds the registration.</param>
/// <param name="Name">The registration name.</param>
/// <param name="ObjectId">The assigned object id.</param>
/// <param name="CloudId">The assigned cloud id.</param>
/// <param name="BillingModel">The billing model.</param>
/// <param name="CustomerSubscriptions">The customer subscriptions, in paging order.</param>
internal sealed record StateRegistration(
    string SubscriptionId,
    string ResourceGroup,
    string Name,
    string ObjectId,
    string CloudId,
    string BillingModel,
    IReadOnlyList<MappingEntry> CustomerSubscriptions);
