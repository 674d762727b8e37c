using Provisioning.AzureStack;
using Provisioning.Diagnostics;
using Provisioning.Execution;
using Provisioning.Model;

namespace Provisioning.Engine;

/// <summary>
/// Reads a fleet from ARM for <c>init --from-azure</c>: the registrations of each subscription (or of one resource group in
/// each), then every mapping under them with one paged list per registration, as a refresh reads them.
/// </summary>
internal static class FleetDiscovery
{
    /// <summary>The registrations found (each once, in the order listed) and every mapping under them.</summary>
    public static async Task<(IReadOnlyList<ArmResourceId> Registrations, IReadOnlyList<ObservedResource> Mappings)> DiscoverAsync(
        ProviderConnection connection, IReadOnlyList<string> subscriptions, string? resourceGroup, EngineObserver observer, CancellationToken cancellationToken)
    {
        if (connection.Provider is not IRegistrationLister lister)
        {
            throw new DiagnosticException(DiagnosticCatalog.RegistrationsNotListable(connection.Endpoint));
        }

        var registrations = new List<ArmResourceId>();
        var seen = new HashSet<ArmResourceId>();
        foreach (var subscription in subscriptions)
        {
            await foreach (var found in lister.ListRegistrationsAsync(subscription, resourceGroup, cancellationToken).ConfigureAwait(false))
            {
                if (string.Equals(found.Id.ResourceType, Registration.ResourceType, StringComparison.OrdinalIgnoreCase) && seen.Add(found.Id))
                {
                    registrations.Add(found.Id);
                }
            }
        }

        if (registrations.Count == 0)
        {
            return ([], []);
        }

        var refreshed = await observer.RefreshingAsync(progress => Refresher.RefreshAsync(
            connection.Provider, registrations, TenantRegistration.ChildTypeSegment, TenantRegistration.ApiVersion, progress: progress, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return (registrations, refreshed.Resources);
    }
}
