using System.Net.Http.Headers;
using System.Text.Json;

namespace Provisioning.Azure;

/// <summary>
/// Fetches the GitHub Actions OIDC token that Entra exchanges for an access token: GET
/// <c>$ACTIONS_ID_TOKEN_REQUEST_URL&amp;audience=api://AzureADTokenExchange</c> with
/// <c>Authorization: bearer $ACTIONS_ID_TOKEN_REQUEST_TOKEN</c>, and returns the JSON <c>value</c>.
/// </summary>
internal sealed class GitHubActionsIdToken(Uri requestUrl, string requestToken, HttpMessageInvoker http)
{
    /// <summary>The audience Entra expects in a federated token.</summary>
    public const string Audience = "api://AzureADTokenExchange";

    /// <summary>Gets a fresh token (the credential calls this whenever it needs a new access token).</summary>
    public async Task<string> GetAsync(CancellationToken cancellationToken)
    {
        var separator = string.IsNullOrEmpty(requestUrl.Query) ? '?' : '&';
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"{requestUrl.AbsoluteUri}{separator}audience={Uri.EscapeDataString(Audience)}"));
        request.Headers.Authorization = new AuthenticationHeaderValue("bearer", requestToken);
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            // The body may echo the request; only the status is reported.
            throw new InvalidOperationException($"GitHub Actions refused the OIDC token request: {(int)response.StatusCode} {response.ReasonPhrase}.");
        }

        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var document = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken).ConfigureAwait(false);
        return document.RootElement.ValueKind == JsonValueKind.Object
               && document.RootElement.TryGetProperty("value", out var value)
               && value.ValueKind == JsonValueKind.String
               && value.GetString() is { Length: > 0 } token
            ? token
            : throw new InvalidOperationException("GitHub Actions answered the OIDC token request without a 'value'.");
    }
}
