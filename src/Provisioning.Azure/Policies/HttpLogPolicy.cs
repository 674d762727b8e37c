using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Provisioning.Azure.Policies;

/// <summary>
/// The <c>--verbose</c> HTTP log: one line per attempt with method, URL (only <c>api-version</c> of the query shown),
/// status, <c>x-ms-request-id</c> and duration. Headers and bodies are never written, so no token can leak.
/// </summary>
internal sealed class HttpLogPolicy(Action<string> log, TimeProvider time) : HttpPipelinePolicy
{
    private const string Redacted = "REDACTED";

    /// <inheritdoc />
    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        var start = time.GetTimestamp();
        try
        {
            await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            log(Describe(message, $"no response ({e.GetType().Name})", start));
            throw;
        }

        log(Describe(message, null, start));
    }

    /// <inheritdoc />
    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        var start = time.GetTimestamp();
        try
        {
            ProcessNext(message, pipeline);
        }
        catch (Exception e)
        {
            log(Describe(message, $"no response ({e.GetType().Name})", start));
            throw;
        }

        log(Describe(message, null, start));
    }

    /// <summary>Returns the URL with every query value but <c>api-version</c> replaced by <c>REDACTED</c>.</summary>
    internal static string SafeUrl(Uri uri)
    {
        var text = new StringBuilder(SafeUri.WithPath(uri));
        var query = uri.Query.TrimStart('?');
        if (query.Length == 0)
        {
            return text.ToString();
        }

        var separator = '?';
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? pair : pair[..equals];
            var value = string.Equals(name, "api-version", StringComparison.OrdinalIgnoreCase) && equals >= 0 ? pair[(equals + 1)..] : Redacted;
            text.Append(separator).Append(name).Append('=').Append(value);
            separator = '&';
        }

        return text.ToString();
    }

    private string Describe(HttpMessage message, string? failure, long start)
    {
        var elapsed = (long)time.GetElapsedTime(start).TotalMilliseconds;
        var url = SafeUrl(message.Request.Uri.ToUri());
        if (failure is not null || !message.HasResponse)
        {
            return $"HTTP {message.Request.Method.Method} {url} -> {failure ?? "no response"} in {elapsed} ms";
        }

        var response = message.Response;
        var requestId = response.Headers.TryGetValue("x-ms-request-id", out var id) ? $" request-id {id}" : string.Empty;
        return $"HTTP {message.Request.Method.Method} {url} -> {response.Status}{requestId} in {elapsed} ms";
    }
}
