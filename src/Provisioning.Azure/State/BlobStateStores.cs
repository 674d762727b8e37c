using Azure.Core;
using Azure.Identity;
using Azure.Storage.Blobs;
using Provisioning.Diagnostics;

namespace Provisioning.Azure.State;

/// <summary>Makes an <see cref="AzureBlobStateStore"/> from a backend url, with a connection string (e.g. Azurite's) or an Azure credential.</summary>
public static class BlobStateStores
{
    /// <summary>The environment variable holding a storage connection string; when set it is used instead of <c>?account=</c>.</summary>
    public const string ConnectionStringVariable = "AZURE_STORAGE_CONNECTION_STRING";

    /// <summary>How many times a failed storage request is retried: 3 (exponential back-off from 0.8 s, at most 10 s).</summary>
    public const int MaxRetries = 3;

    /// <summary>The network timeout of one try to a storage endpoint on loopback (Azurite): 30 s (Azure keeps Azure.Core's 100 s).</summary>
    public static readonly TimeSpan LoopbackNetworkTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Creates the store; <paramref name="connectionString"/> wins over the url's account, which then needs
    /// <paramref name="credential"/> (default: <see cref="DefaultAzureCredential"/>). Nothing is contacted here: a url, account
    /// or container name, or connection string that cannot work is a <see cref="DiagnosticException"/> (PRV131, input);
    /// a failure met later is one too (PRV129, PRV130), after the storage client's 3 retries.
    /// </summary>
    public static AzureBlobStateStore Create(string backendUrl, string project, string stack, string? connectionString, TokenCredential? credential = null)
    {
        BlobBackendUrl url;
        try
        {
            url = BlobBackendUrl.Parse(backendUrl);
        }
        catch (FormatException e)
        {
            throw new DiagnosticException(DiagnosticCatalog.BlobBackendInvalid("backend.url", e.Message), e);
        }

        if (BlobNames.ContainerProblem(url.Container) is { } containerProblem)
        {
            throw new DiagnosticException(DiagnosticCatalog.BlobBackendInvalid("backend.url", $"the container name '{url.Container}' {containerProblem}"));
        }

        BlobContainerClient container;
        if (!string.IsNullOrEmpty(connectionString))
        {
            try
            {
                container = new BlobContainerClient(connectionString, url.Container, Options(connectionString));
            }
            catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
            {
                // The connection string holds the account key: it is never quoted, nor is the parser's message about it.
                throw new DiagnosticException(DiagnosticCatalog.BlobBackendInvalid("$" + ConnectionStringVariable,
                    $"{ConnectionStringVariable} is not a storage connection string (expected 'DefaultEndpointsProtocol=…;AccountName=…;AccountKey=…' or 'BlobEndpoint=…;SharedAccessSignature=…')."));
            }
        }
        else if (url.Account is { } account)
        {
            if (BlobNames.AccountProblem(account) is { } accountProblem)
            {
                throw new DiagnosticException(DiagnosticCatalog.BlobBackendInvalid("backend.url", $"the storage account name '{account}' {accountProblem}"));
            }

            container = new BlobContainerClient(new Uri($"https://{account}.blob.core.windows.net/{url.Container}"), credential ?? new DefaultAzureCredential(), Options(null));
        }
        else
        {
            throw new DiagnosticException(DiagnosticCatalog.BlobBackendInvalid("backend.url",
                $"the backend url '{backendUrl}' names no storage account (?account=NAME) and {ConnectionStringVariable} is not set."));
        }

        return new AzureBlobStateStore(container, url, project, stack);
    }

    // The storage client's own defaults retry 5 times from 4 s (minutes for a host that is not there); Azure.Core's usual 3
    // retries from 0.8 s bound a failure to seconds. Azurite on this machine answers at once or never.
    private static BlobClientOptions Options(string? connectionString)
    {
        var options = new BlobClientOptions();
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = MaxRetries;
        options.Retry.Delay = TimeSpan.FromSeconds(0.8);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(10);
        if (connectionString is not null
            && (connectionString.Contains("UseDevelopmentStorage=true", StringComparison.OrdinalIgnoreCase)
                || connectionString.Contains("://127.0.0.1", StringComparison.Ordinal)
                || connectionString.Contains("://localhost", StringComparison.OrdinalIgnoreCase)))
        {
            options.Retry.NetworkTimeout = LoopbackNetworkTimeout;
        }

        return options;
    }
}
