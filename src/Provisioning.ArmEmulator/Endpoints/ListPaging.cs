namespace Provisioning.ArmEmulator;

/// <summary>ARM's paging of every list route: a <c>$skipToken</c> in, an absolute <c>nextLink</c> out (arm-api.md §3.5).</summary>
internal static class ListPaging
{
    /// <summary>Returns the request's <c>$skipToken</c>, or null for the first page.</summary>
    public static string? SkipToken(HttpRequest request)
    {
        var skipToken = request.Query["$skipToken"].ToString();
        return skipToken.Length == 0 ? null : skipToken;
    }

    /// <summary>Returns the number of items in one page (at least 1).</summary>
    public static int PageSize(ArmEmulatorOptions options) => Math.Max(1, options.PageSize);

    /// <summary>Returns the link to the page after <paramref name="nextKey"/> on the request's own route and api-version, or null on the last page.</summary>
    public static string? NextLink(HttpRequest request, string? nextKey)
    {
        if (nextKey is null)
        {
            return null;
        }

        var apiVersion = Uri.EscapeDataString(request.Query["api-version"].ToString());
        return $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}"
            + $"?api-version={apiVersion}&$skipToken={Uri.EscapeDataString(nextKey)}";
    }
}
