namespace Provisioning.Azure.Pacing;

/// <summary>
/// Client-side pacing: one token bucket per registration subscription and operation kind, with ARM's sizes by default
/// (writes 200 refilled 10/s, deletes 200 refilled 10/s, reads 250 refilled 25/s), corrected by the
/// <c>x-ms-ratelimit-remaining-subscription-*</c> headers of every answer, so a large apply rides just under ARM's limit.
/// </summary>
public sealed class PacingOptions
{
    /// <summary>Gets or sets a value indicating whether requests are paced (default true).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Gets or sets the bucket of GET requests per subscription (default 250, refill 25/s).</summary>
    public TokenBucketLimit Reads { get; set; } = new(250, 25);

    /// <summary>Gets or sets the bucket of PUT/PATCH/POST requests per subscription (default 200, refill 10/s).</summary>
    public TokenBucketLimit Writes { get; set; } = new(200, 10);

    /// <summary>Gets or sets the bucket of DELETE requests per subscription (default 200, refill 10/s).</summary>
    public TokenBucketLimit Deletes { get; set; } = new(200, 10);

    /// <summary>Returns the bucket limit of a request kind.</summary>
    internal TokenBucketLimit For(RequestKind kind) => kind switch
    {
        RequestKind.Read => Reads,
        RequestKind.Delete => Deletes,
        _ => Writes,
    };

    /// <summary>Throws <see cref="ArgumentException"/> for a missing or invalid bucket.</summary>
    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Reads, "Pacing.Reads");
        ArgumentNullException.ThrowIfNull(Writes, "Pacing.Writes");
        ArgumentNullException.ThrowIfNull(Deletes, "Pacing.Deletes");
        Reads.Validate("Pacing.Reads");
        Writes.Validate("Pacing.Writes");
        Deletes.Validate("Pacing.Deletes");
    }
}
