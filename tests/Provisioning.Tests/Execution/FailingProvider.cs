using System.Collections.Immutable;
using Provisioning.Execution;
using Provisioning.Model;

namespace Provisioning.Tests.Execution;

/// <summary>Wraps a provider and refuses the PUT of one id, as ARM would with a 400, without logging it as a call.</summary>
internal sealed class FailingProvider(IResourceProvider inner, ArmResourceId refused) : IResourceProvider
{
    public Task<ObservedResource> PutAsync(ArmResourceId id, string apiVersion, ImmutableSortedDictionary<string, string> properties, CancellationToken cancellationToken = default) =>
        id == refused
            ? Task.FromException<ObservedResource>(new ResourceProviderException("Subscription not found.", 400, "InvalidSubscription"))
            : inner.PutAsync(id, apiVersion, properties, cancellationToken);

    public Task DeleteAsync(ArmResourceId id, string apiVersion, CancellationToken cancellationToken = default) => inner.DeleteAsync(id, apiVersion, cancellationToken);

    public Task<ObservedResource?> GetAsync(ArmResourceId id, string apiVersion, CancellationToken cancellationToken = default) => inner.GetAsync(id, apiVersion, cancellationToken);

    public IAsyncEnumerable<ObservedResource> ListAsync(ArmResourceId parent, string childType, string apiVersion, CancellationToken cancellationToken = default) =>
        inner.ListAsync(parent, childType, apiVersion, cancellationToken);
}
