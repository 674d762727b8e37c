using Provisioning.Engine;
using Provisioning.Config;

namespace Provisioning.EndToEnd.Tests.Safety;

/// <summary>Holds every run at the connection until <c>gate</c> completes, so that a run holding the lock stays in it.</summary>
internal sealed class GatedProviderFactory(IProviderFactory inner, Task gate) : IProviderFactory
{
    public async Task<ProviderConnection> ConnectAsync(StackDefinition stack, WorkFolder folder, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(TimeSpan.FromMinutes(2), cancellationToken);
        return await inner.ConnectAsync(stack, folder, cancellationToken);
    }
}
