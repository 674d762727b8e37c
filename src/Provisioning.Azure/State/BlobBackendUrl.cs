using System.Web;

namespace Provisioning.Azure.State;

/// <summary>
/// A parsed <c>azblob://container/prefix?account=NAME</c> backend url: the container, the blob name
/// prefix (may be empty) and the storage account (null when a connection string is used instead).
/// </summary>
public sealed record BlobBackendUrl(string Container, string Prefix, string? Account)
{
    /// <summary>The url scheme of the Azure Blob backend.</summary>
    public const string Scheme = "azblob";

    /// <summary>Parses the url; throws <see cref="FormatException"/> naming what is wrong.</summary>
    public static BlobBackendUrl Parse(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !string.Equals(uri.Scheme, Scheme, StringComparison.OrdinalIgnoreCase) || string.IsNullOrEmpty(uri.Host))
        {
            throw new FormatException($"The backend url '{url}' is not azblob://container/prefix?account=NAME.");
        }

        var account = HttpUtility.ParseQueryString(uri.Query)["account"];
        return new BlobBackendUrl(uri.Host, uri.AbsolutePath.Trim('/'), string.IsNullOrEmpty(account) ? null : account);
    }

    /// <summary>The blob name of a stack's file with the given extension: <c>prefix/project/stack.ext</c>.</summary>
    public string BlobName(string project, string stack, string extension) =>
        string.Join('/', new[] { Prefix, project, $"{stack}.{extension}" }.Where(s => s.Length > 0));
}
