namespace Provisioning.ArmEmulator;

/// <summary>Faults injected on purpose, per operation kind, drawn from a seeded random sequence so a run is reproducible; none by default.</summary>
public sealed class FaultOptions
{
    /// <summary>Gets or sets the seed of the random draws; null (the default) picks one at random. With a seed, the same sequence of requests meets the same faults.</summary>
    public int? Seed { get; set; }

    /// <summary>Gets or sets the fault shares of GET requests.</summary>
    public FaultRates Reads { get; set; } = new();

    /// <summary>Gets or sets the fault shares of PUT/PATCH/POST requests.</summary>
    public FaultRates Writes { get; set; } = new();

    /// <summary>Gets or sets the fault shares of DELETE requests.</summary>
    public FaultRates Deletes { get; set; } = new();

    /// <summary>Gets or sets how long a delayed request waits before it is handled, on the emulator's time provider (default 2 seconds).</summary>
    public TimeSpan Delay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Gets or sets the <c>Retry-After</c> seconds of an injected 429 (default 1).</summary>
    public int RetryAfterSeconds { get; set; } = 1;

    /// <summary>Gets a value indicating whether any share of any kind is above 0.</summary>
    public bool Enabled => Reads.Total > 0 || Writes.Total > 0 || Deletes.Total > 0;

    /// <summary>Returns the fault shares of an operation kind.</summary>
    public FaultRates For(ArmOperationKind kind) => kind switch
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
        Reads.Validate("Faults.Reads");
        Writes.Validate("Faults.Writes");
        Deletes.Validate("Faults.Deletes");
        ArgumentOutOfRangeException.ThrowIfLessThan(Delay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(RetryAfterSeconds, 1);
    }
}
