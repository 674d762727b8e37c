namespace Provisioning.ArmEmulator;

/// <summary>ARM's token-bucket throttling: buckets per subscription and calling principal, per operation kind, plus a global bucket per subscription.</summary>
/// <remarks>The defaults are ARM's (reads 250 refilled 25/s, writes and deletes 200 refilled 10/s, global 15×); they do not slow a small stack.</remarks>
public sealed class ThrottlingOptions
{
    /// <summary>Gets or sets a value indicating whether requests are throttled and carry <c>x-ms-ratelimit-remaining-*</c> headers (default true).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Gets or sets the bucket of GET requests per subscription and principal (default 250, refill 25/s).</summary>
    public TokenBucketOptions Reads { get; set; } = new(250, 25);

    /// <summary>Gets or sets the bucket of PUT/PATCH/POST requests per subscription and principal (default 200, refill 10/s).</summary>
    public TokenBucketOptions Writes { get; set; } = new(200, 10);

    /// <summary>Gets or sets the bucket of DELETE requests per subscription and principal (default 200, refill 10/s).</summary>
    public TokenBucketOptions Deletes { get; set; } = new(200, 10);

    /// <summary>Gets or sets how many times larger (in size and refill) the global bucket shared by every principal of a subscription is (default 15).</summary>
    public double GlobalMultiplier { get; set; } = 15;

    /// <summary>Returns the per-principal bucket of an operation kind.</summary>
    public TokenBucketOptions For(ArmOperationKind kind) => kind switch
    {
        ArmOperationKind.Read => Reads,
        ArmOperationKind.Delete => Deletes,
        _ => Writes,
    };

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Reads);
        ArgumentNullException.ThrowIfNull(Writes);
        ArgumentNullException.ThrowIfNull(Deletes);
        Reads.Validate("Throttling.Reads");
        Writes.Validate("Throttling.Writes");
        Deletes.Validate("Throttling.Deletes");
        if (!(GlobalMultiplier >= 1) || double.IsInfinity(GlobalMultiplier))
        {
            throw new ArgumentOutOfRangeException(nameof(GlobalMultiplier), $"Throttling.GlobalMultiplier must be at least 1 (got {GlobalMultiplier}).");
        }
    }
}
