using Provisioning.Engine;
using Provisioning.Config;
using Provisioning.Testing;

namespace Provisioning.Cli.Tests;

/// <summary>Connects every stack to one in-memory provider and counts connections, for tests of the CLI's logic.</summary>
internal sealed class InMemoryProviderFactory : IProviderFactory
{
    public InMemoryResourceProvider Provider { get; } = new();

    public int Connections { get; private set; }

    public Task<ProviderConnection> ConnectAsync(StackDefinition stack, WorkFolder folder, CancellationToken cancellationToken)
    {
        Connections++;
        return Task.FromResult(new ProviderConnection(Provider, "in-memory"));
    }
}
