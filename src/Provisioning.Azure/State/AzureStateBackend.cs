using Provisioning.Config;
using Provisioning.Engine;
using Provisioning.State;

namespace Provisioning.Azure.State;

/// <summary>
/// The state backends <c>provision</c> knows: Azure Blob for an <c>azblob://</c> backend (signed in with
/// <see cref="BlobStateStores.ConnectionStringVariable"/> or the default credential chain), local files otherwise.
/// </summary>
public sealed class AzureStateBackend : IStateBackend
{
    /// <summary>The one instance.</summary>
    public static AzureStateBackend Instance { get; } = new();

    /// <inheritdoc />
    public IStateStore Open(StackDefinition stack, WorkFolder folder)
    {
        ArgumentNullException.ThrowIfNull(stack);
        return stack.BackendUrl is { } url && url.StartsWith(BlobBackendUrl.Scheme + "://", StringComparison.OrdinalIgnoreCase)
            ? BlobStateStores.Create(url, stack.Project, stack.Stack, Environment.GetEnvironmentVariable(BlobStateStores.ConnectionStringVariable))
            : LocalStateBackend.Instance.Open(stack, folder);
    }
}
