using Provisioning.Config;
using Provisioning.Engine;
using Provisioning.State;

namespace Provisioning.Azure.State;

/// <summary>
/// The state backends <c>provision</c> knows: Azure Blob for an <c>azblob://</c> backend (signed in with
/// <see cref="BlobStateStores.ConnectionStringVariable"/>, else with the same credential the ARM client uses: the kind of
/// <c>--credential</c>, else of <c>PROVISION_CREDENTIAL</c>, else the default chain), local files otherwise.
/// </summary>
public sealed class AzureStateBackend : IStateBackend
{
    /// <summary>The backend with the credential kind of <c>PROVISION_CREDENTIAL</c> (or the default chain).</summary>
    public static AzureStateBackend Instance { get; } = new();

    /// <summary>The credential kind given on the command line (<c>--credential</c>); null falls back to <c>PROVISION_CREDENTIAL</c>.</summary>
    public string? CredentialKind { get; init; }

    /// <inheritdoc />
    public IStateStore Open(StackDefinition stack, WorkFolder folder)
    {
        ArgumentNullException.ThrowIfNull(stack);
        return stack.BackendUrl is { } url && url.StartsWith(BlobBackendUrl.Scheme + "://", StringComparison.OrdinalIgnoreCase)
            ? Blob(url, stack)
            : LocalStateBackend.Instance.Open(stack, folder);
    }

    private AzureBlobStateStore Blob(string url, StackDefinition stack)
    {
        var connectionString = Environment.GetEnvironmentVariable(BlobStateStores.ConnectionStringVariable);

        // One sign-in for ARM and the state: a pipeline federated for github-oidc needs nothing more for its blob.
        // The embedded emulator's cloud has no storage identity of its own: the default chain, as before.
        var credential = !string.IsNullOrEmpty(connectionString) || stack.Cloud.IsLocal
            ? null
            : AzureCredentials.Create(CredentialKind ?? Environment.GetEnvironmentVariable(AzureConnection.CredentialVariable), stack.Cloud);
        return BlobStateStores.Create(url, stack.Project, stack.Stack, connectionString, credential);
    }
}
