using Azure.Core;
using Azure.Identity;
using Azure.Storage.Blobs;

namespace Provisioning.Azure.State;

/// <summary>Makes an <see cref="AzureBlobStateStore"/> from a backend url, with a connection string (e.g. Azurite's) or an Azure credential.</summary>
public static class BlobStateStores
{
    /// <summary>The environment variable holding a storage connection string; when set it is used instead of <c>?account=</c>.</summary>
    public const string ConnectionStringVariable = "AZURE_STORAGE_CONNECTION_STRING";

    /// <summary>Creates the store; <paramref name="connectionString"/> wins over the url's account, which then needs <paramref name="credential"/> (default: <see cref="DefaultAzureCredential"/>).</summary>
    public static AzureBlobStateStore Create(string backendUrl, string project, string stack, string? connectionString, TokenCredential? credential = null)
    {
        var url = BlobBackendUrl.Parse(backendUrl);
        BlobContainerClient container;
        if (!string.IsNullOrEmpty(connectionString))
        {
            container = new BlobContainerClient(connectionString, url.Container);
        }
        else if (url.Account is { } account)
        {
            container = new BlobContainerClient(new Uri($"https://{account}.blob.core.windows.net/{url.Container}"), credential ?? new DefaultAzureCredential());
        }
        else
        {
            throw new FormatException($"The backend url '{backendUrl}' names no storage account (?account=NAME) and {ConnectionStringVariable} is not set.");
        }

        return new AzureBlobStateStore(container, url, project, stack);
    }
}
