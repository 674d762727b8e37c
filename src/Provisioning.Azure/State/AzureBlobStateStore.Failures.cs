using Azure;
using Azure.Identity;
using Provisioning.Diagnostics;
using Provisioning.State;

namespace Provisioning.Azure.State;

/// <summary>Turning every failure of the storage service, the network or the credential into one diagnostic naming the account and container.</summary>
public sealed partial class AzureBlobStateStore
{
    /// <summary>How the backend is named in messages: account, container and the service's address (never a key or SAS).</summary>
    internal string Backend => $"account '{Container.AccountName}', container '{Container.Name}' ({SafeUri.Server(Container.Uri)})";

    /// <summary>
    /// Runs one operation of the store; what the state itself says (<see cref="InvalidDataException"/>,
    /// <see cref="StackLockedException"/>), a catalogued <see cref="DiagnosticException"/> and the caller's cancellation pass
    /// through, and any other failure becomes PRV129.
    /// </summary>
    private async Task<T> GuardAsync<T>(Func<Task<T>> operation, string doing, CancellationToken cancellationToken)
    {
        try
        {
            return await operation();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is DiagnosticException or InvalidDataException or StackLockedException)
        {
            throw;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new DiagnosticException(DiagnosticCatalog.BlobBackendFailed(Backend, doing, Reason(e)), e);
        }
    }

    private async Task GuardAsync(Func<Task<bool>> operation, string doing, CancellationToken cancellationToken) =>
        await GuardAsync<bool>(operation, doing, cancellationToken);

    /// <summary>Why the service refused, or why there was no answer, with what to do; one line.</summary>
    private static string Reason(Exception e)
    {
        switch (e)
        {
            case RequestFailedException { Status: > 0 } refused:
                var firstLine = refused.Message.Split('\n', 2)[0].Trim();
                var hint = refused.Status switch
                {
                    401 or 403 => " The identity (or key, or SAS) used has no right to read and write blobs in this container: give it 'Storage Blob Data Contributor' on the container or account, or fix AZURE_STORAGE_CONNECTION_STRING.",
                    404 => " Check the account and container names.",
                    _ => string.Empty,
                };
                return $"{refused.Status} {refused.ErrorCode}: {firstLine}{hint}";
            case AuthenticationFailedException or CredentialUnavailableException:
                return "no token for the storage account: " + string.Join("; ", CredentialFailures.Reasons(e));
        }

        if (!TransportFailure.IsTransport(e))
        {
            return $"an unexpected failure ({e.GetType().Name}: {e.Message})";
        }

        return TransportFailure.Classify(e) switch
        {
            TransportFailureKind.Tls => $"the service's certificate is not trusted ({TransportFailure.Describe(e)}). Add its certificate authority to the trust store or set SSL_CERT_FILE to a PEM bundle that includes it.",
            TransportFailureKind.Unreachable => $"the service cannot be reached ({TransportFailure.Describe(e)}). Check the account name, DNS, proxy and firewall.",
            _ => $"no answer ({TransportFailure.Describe(e)}).",
        };
    }
}
