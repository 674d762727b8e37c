using Provisioning.Execution;
using Provisioning.Model;

namespace Provisioning.Testing;

/// <summary>
/// Lets a unit test decide what the provider answers, in the spirit of Pulumi's mocks. Every member has a default
/// (echo what was sent), so a test implements only what it cares about:
/// <see cref="NewResourceAsync(MockResourceArgs)"/> for programs run by <c>Deployment.TestAsync</c>,
/// <see cref="NewResourceAsync(Resource, CancellationToken)"/> for YAML stacks run by <see cref="StackTest"/>.
/// </summary>
public interface IMocks
{
    /// <summary>
    /// A YAML stack's resource, as the provider would hold it after the PUT. Throw a
    /// <see cref="ResourceProviderException"/> to simulate a refusal. Default: the provider holds exactly what was sent.
    /// </summary>
    Task<ObservedResource> NewResourceAsync(Resource resource, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return Task.FromResult(new ObservedResource(resource.Id, resource.Type, resource.Properties));
    }

    /// <summary>
    /// A resource a program registered (Pulumi's <c>IMocks.NewResourceAsync</c>): returns its id and its state.
    /// Default: the ARM id the engine computed (none for a component) and the inputs as the state.
    /// </summary>
    Task<(string? id, object state)> NewResourceAsync(MockResourceArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return Task.FromResult<(string?, object)>((args.Id, args.Inputs));
    }
}
