namespace Provisioning.Azure.Pacing;

/// <summary>The kind of a request as ARM counts it for throttling, each with its own bucket and remaining-tokens header.</summary>
internal enum RequestKind
{
    /// <summary>GET and HEAD; header <c>x-ms-ratelimit-remaining-subscription-reads</c>.</summary>
    Read,

    /// <summary>PUT, PATCH and POST; header <c>x-ms-ratelimit-remaining-subscription-writes</c>.</summary>
    Write,

    /// <summary>DELETE; header <c>x-ms-ratelimit-remaining-subscription-deletes</c>.</summary>
    Delete,
}
