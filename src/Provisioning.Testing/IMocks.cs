using Provisioning.Execution;
using Provisioning.Model;

namespace Provisioning.Testing;

/// <summary>
/// Lets a unit test decide what the provider answers when a resource is created or updated,
/// in the spirit of Pulumi's mocks. Throw a <see cref="ResourceProviderException"/> to simulate a refusal.
/// </summary>
public interface IMocks
{
    /// <summary>Returns the resource as the provider would hold it after the PUT.</summary>
    Task<ObservedResource> NewResourceAsync(Resource resource, CancellationToken cancellationToken);
}
