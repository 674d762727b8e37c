using Provisioning.Config;

namespace Provisioning.Engine;

/// <summary>Connects a stack to the ARM it names (Azure, or the embedded emulator for <c>local</c>).</summary>
public interface IProviderFactory
{
    /// <summary>Returns a connected provider; called only after all input has been validated.</summary>
    Task<ProviderConnection> ConnectAsync(StackDefinition stack, WorkFolder folder, CancellationToken cancellationToken);
}
