using System.Globalization;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Provisioning.Azure.Pacing;

/// <summary>
/// A per-retry pipeline policy (so retries are paced too): before each attempt under <c>/subscriptions/{id}</c> it waits
/// for a token of that subscription and kind; after it, it reads <c>x-ms-ratelimit-remaining-subscription-{reads|writes|deletes}</c>.
/// </summary>
internal sealed class PacingPolicy(SubscriptionPacer pacer) : HttpPipelinePolicy
{
    private const string SubscriptionsSegment = "/subscriptions/";

    /// <inheritdoc />
    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        if (SubscriptionOf(message.Request.Uri.Path) is not { } subscription)
        {
            await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
            return;
        }

        var kind = KindOf(message.Request.Method);
        await pacer.WaitAsync(subscription, kind, message.CancellationToken).ConfigureAwait(false);
        await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
        Observe(message, subscription, kind);
    }

    /// <inheritdoc />
    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        if (SubscriptionOf(message.Request.Uri.Path) is not { } subscription)
        {
            ProcessNext(message, pipeline);
            return;
        }

        var kind = KindOf(message.Request.Method);
        pacer.WaitAsync(subscription, kind, message.CancellationToken).AsTask().GetAwaiter().GetResult();
        ProcessNext(message, pipeline);
        Observe(message, subscription, kind);
    }

    /// <summary>Returns the <c>{id}</c> of a path <c>/subscriptions/{id}/…</c>, or null for any other path.</summary>
    internal static string? SubscriptionOf(string path)
    {
        if (!path.StartsWith(SubscriptionsSegment, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var rest = path.AsSpan(SubscriptionsSegment.Length);
        var end = rest.IndexOf('/');
        var id = end < 0 ? rest : rest[..end];
        return id.IsEmpty ? null : id.ToString();
    }

    /// <summary>Returns ARM's kind of an HTTP method: GET and HEAD read, DELETE deletes, everything else writes.</summary>
    internal static RequestKind KindOf(RequestMethod method) =>
        method == RequestMethod.Get || method == RequestMethod.Head ? RequestKind.Read
        : method == RequestMethod.Delete ? RequestKind.Delete
        : RequestKind.Write;

    private void Observe(HttpMessage message, string subscription, RequestKind kind)
    {
        var header = kind switch
        {
            RequestKind.Read => "x-ms-ratelimit-remaining-subscription-reads",
            RequestKind.Delete => "x-ms-ratelimit-remaining-subscription-deletes",
            _ => "x-ms-ratelimit-remaining-subscription-writes",
        };
        if (message.HasResponse
            && message.Response.Headers.TryGetValue(header, out var text)
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var remaining))
        {
            pacer.Observe(subscription, kind, remaining);
        }
    }
}
