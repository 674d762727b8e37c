using Provisioning.Model;

namespace Provisioning.Execution;

/// <summary>
/// Lists the <c>Microsoft.AzureStack/registrations</c> of a subscription, or of one resource group in it: where
/// <c>provision init --from-azure</c> starts from. Implemented by the ARM client; a provider that cannot list them does not implement it.
/// </summary>
public interface IRegistrationLister
{
    /// <summary>
    /// Streams every registration of <paramref name="subscriptionId"/> (only those of <paramref name="resourceGroup"/> when
    /// given), following all pages. A subscription or resource group without registrations is an empty list.
    /// </summary>
    IAsyncEnumerable<ObservedResource> ListRegistrationsAsync(string subscriptionId, string? resourceGroup = null, CancellationToken cancellationToken = default);
}
