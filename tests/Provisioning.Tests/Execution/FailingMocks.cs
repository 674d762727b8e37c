using Provisioning.Model;
using Provisioning.Testing;

namespace Provisioning.Tests.Execution;

/// <summary>Mocks that refuse the PUT of the given ids with the given exception and echo every other one.</summary>
internal sealed class FailingMocks(Func<Exception> failure, params ArmResourceId[] failing) : IMocks
{
    public Task<ObservedResource> NewResourceAsync(Resource resource, CancellationToken cancellationToken) =>
        failing.Contains(resource.Id)
            ? Task.FromException<ObservedResource>(failure())
            : EchoMocks.Instance.NewResourceAsync(resource, cancellationToken);
}
