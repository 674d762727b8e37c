using System.Runtime.CompilerServices;
using Azure.Core;
using Provisioning.Execution;
using Provisioning.Model;

namespace Provisioning.Azure;

/// <summary>Listing children page by page, following absolute <c>nextLink</c>s on the same host.</summary>
public sealed partial class AzureStackResourceClient
{
    /// <summary>
    /// GETs <c>{parent}/{childType}</c> and streams its items page by page, following <c>nextLink</c> until it is absent;
    /// a page without <c>value</c> is empty, and a <c>nextLink</c> to another host is refused.
    /// </summary>
    public async IAsyncEnumerable<ObservedResource> ListAsync(ArmResourceId parent, string childType, string apiVersion, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(childType);
        var path = $"{parent}/{childType}";
        Uri? next = UriOf(path, apiVersion);
        while (next is not null)
        {
            var (items, nextLink) = await ReadPageAsync(next, path, cancellationToken).ConfigureAwait(false);
            foreach (var item in items)
            {
                yield return item;
            }

            next = nextLink;
        }
    }

    private async Task<(IReadOnlyList<ObservedResource> Items, Uri? NextLink)> ReadPageAsync(Uri uri, string path, CancellationToken cancellationToken)
    {
        using var message = CreateMessage(RequestMethod.Get, uri);
        var response = await SendAsync(message, path, cancellationToken).ConfigureAwait(false);
        if (response.Status != 200)
        {
            throw Failure(message, path);
        }

        if (response.Content.ToMemory().IsEmpty)
        {
            return ([], null);
        }

        var page = ReadBody(message, path, ArmJson.ReadPage);
        if (page.NextLink is { } link && Uri.Compare(link, Endpoint, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0)
        {
            throw new ArmRequestException("GET", path, response.Status, null,
                $"the nextLink points to another host ({link.GetLeftPart(UriPartial.Authority)}); the token is sent only to {Endpoint.GetLeftPart(UriPartial.Authority)}",
                RequestIdOf(response));
        }

        return page;
    }
}
