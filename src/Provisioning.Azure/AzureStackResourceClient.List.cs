using System.Runtime.CompilerServices;
using Azure.Core;
using Provisioning.Diagnostics;
using Provisioning.Execution;
using Provisioning.Model;

namespace Provisioning.Azure;

/// <summary>Listing children page by page, following absolute <c>nextLink</c>s on the same host.</summary>
public sealed partial class AzureStackResourceClient
{
    /// <summary>
    /// GETs <c>{parent}/{childType}</c> and streams its items page by page, following <c>nextLink</c> until it is absent;
    /// a page without <c>value</c> is empty, and a <c>nextLink</c> to another host is refused. A missing parent is an
    /// <see cref="ArmRequestException"/> with <see cref="ResourceProviderException.ResourceMissing"/> set; a 404 whose ARM
    /// code does not say so is a <see cref="DiagnosticException"/> (PRV128), never taken for a missing parent.
    /// </summary>
    public IAsyncEnumerable<ObservedResource> ListAsync(ArmResourceId parent, string childType, string apiVersion, CancellationToken cancellationToken = default) =>
        ListAsync(parent, childType, apiVersion, null, cancellationToken);

    /// <summary>
    /// Lists as <see cref="ListAsync(ArmResourceId, string, string, CancellationToken)"/>, reading each page straight from its bytes and
    /// taking ids and values whose text <paramref name="interner"/> already holds from it.
    /// </summary>
    public IAsyncEnumerable<ObservedResource> ListAsync(ArmResourceId parent, string childType, string apiVersion, Interner? interner, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(childType);
        return ListPathAsync($"{parent}/{childType}", apiVersion, interner, childList: true, cancellationToken);
    }

    /// <summary>
    /// GETs the collection at <paramref name="path"/> page by page. For a <paramref name="childList"/> (the children of a
    /// registration), a 404 that does not say the parent is missing is PRV128; for any other list every error is an
    /// <see cref="ArmRequestException"/>.
    /// </summary>
    private async IAsyncEnumerable<ObservedResource> ListPathAsync(string path, string apiVersion, Interner? interner, bool childList, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Uri? next = UriOf(path, apiVersion);

        // A server that hands out a nextLink it already gave would keep the listing going for ever (and repeat items).
        var followed = new HashSet<string>(StringComparer.Ordinal) { next.AbsoluteUri };
        while (next is not null)
        {
            var (items, nextLink) = await ReadPageAsync(next, path, interner, childList, cancellationToken).ConfigureAwait(false);
            foreach (var item in items)
            {
                yield return item;
            }

            if (nextLink is not null && !followed.Add(nextLink.AbsoluteUri))
            {
                throw new ArmRequestException("GET", path, 200, null,
                    $"the list returned a nextLink it had already returned, after {followed.Count} page(s); the listing would never end",
                    null);
            }

            next = nextLink;
        }
    }

    private async Task<(IReadOnlyList<ObservedResource> Items, Uri? NextLink)> ReadPageAsync(Uri uri, string path, Interner? interner, bool childList, CancellationToken cancellationToken)
    {
        using var message = CreateMessage(RequestMethod.Get, uri);
        var response = await SendAsync(message, path, cancellationToken).ConfigureAwait(false);
        if (response.Status != 200)
        {
            var failure = Failure(message, path);
            if (childList && failure.Status == 404 && !failure.ResourceMissing)
            {
                // Not "no such registration": a caller that took any 404 for that would forget every mapping under it.
                throw new DiagnosticException(DiagnosticCatalog.EndpointDoesNotServe($"'{path[..path.LastIndexOf('/')]}'", failure.Message), failure);
            }

            throw failure;
        }

        if (response.Content.ToMemory().IsEmpty)
        {
            return ([], null);
        }

        var page = ReadValid(message, path, () => ArmPageReader.Read(message.Response.Content.ToMemory().Span, interner));
        if (page.NextLink is { } link && Uri.Compare(link, Endpoint, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0)
        {
            throw new ArmRequestException("GET", path, response.Status, null,
                $"the nextLink points to another host ({SafeUri.Server(link)}); the token is sent only to {SafeUri.Server(Endpoint)}",
                RequestIdOf(response));
        }

        return page;
    }
}
