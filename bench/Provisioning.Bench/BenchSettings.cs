namespace Provisioning.Bench;

/// <summary>The sizes of one run: the full run of the issue, <c>--quick</c>, or the tiny smoke run of the tests.</summary>
internal sealed record BenchSettings
{
    /// <summary>The sizes: 50 × 2,000 mappings, 1,000 throttled writes, five runs of P1, P5 and P6.</summary>
    public static BenchSettings Full { get; } = new();

    /// <summary>Smaller sizes, one run each, for a look in a minute or two.</summary>
    public static BenchSettings Quick { get; } = new()
    {
        ScaleRegistrations = 50, ScaleTenants = 2_000, ScaleRuns = 1, ApplyWrites = 300, FanOutWrites = 120,
        StateSizes = [1_000, 10_000, 100_000], StateSteps = 50, ColdRuns = 3, ProgramRuns = 3,
    };

    /// <summary>Tiny sizes that finish in seconds: checks that every figure is produced, not how fast.</summary>
    public static BenchSettings Smoke { get; } = new()
    {
        ScaleRegistrations = 2, ScaleTenants = 10, ScaleRuns = 1, ApplyWrites = 20, Bucket = 10, Refill = 200,
        FanOutWrites = 20, FanOut = [1, 2], StateSizes = [20], StateSteps = 5, ColdTenants = 5, ColdRuns = 1, ProgramRuns = 1,
    };

    public int ScaleRegistrations { get; init; } = 50;

    public int ScaleTenants { get; init; } = 2_000;

    public int ScaleRuns { get; init; } = 5;

    public int ApplyWrites { get; init; } = 1_000;

    public double Bucket { get; init; } = 20;

    public double Refill { get; init; } = 50;

    public int FanOutWrites { get; init; } = 250;

    public IReadOnlyList<int> FanOut { get; init; } = [1, 2, 4, 8];

    public IReadOnlyList<int> StateSizes { get; init; } = [1_000, 10_000, 100_000];

    public int StateSteps { get; init; } = 200;

    public int ColdTenants { get; init; } = 10;

    public int ColdRuns { get; init; } = 5;

    public int ProgramTenants { get; init; } = 10;

    public int ProgramRuns { get; init; } = 5;

    /// <summary>The time the writes take when sent exactly as fast as the bucket allows: a full bucket at once, then the refill rate.</summary>
    public TimeSpan IdealWriteTime(int writes) => TimeSpan.FromSeconds(Math.Max(0, writes - Bucket) / Refill);
}
