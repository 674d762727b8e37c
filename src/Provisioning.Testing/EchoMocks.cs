using Provisioning.Model;

namespace Provisioning.Testing;

/// <summary>The default mocks: every PUT succeeds and the provider holds exactly what was sent.</summary>
public sealed class EchoMocks : IMocks
{
    /// <summary>The shared instance.</summary>
    public static EchoMocks Instance { get; } = new();

    /// <inheritdoc />
    public Task<ObservedResource> NewResourceAsync(Resource resource, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return Task.FromResult(new ObservedResource(resource.Id, resource.Type, resource.Properties));
    }
}
