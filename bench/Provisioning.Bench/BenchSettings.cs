namespace Provisioning.Bench;

/// <summary>The sizes of one run: the full run of the issue, <c>--quick</c>, or the tiny smoke run of the tests.</summary>
internal sealed record BenchSettings
{
    /// <summary>The sizes: 50 × 2,000 mappings, 1,000 throttled writes, five runs of P1, P5 and P6; P7 up to 1,000,000 mappings.</summary>
    public static BenchSettings Full { get; } = new();

    /// <summary>Smaller sizes, one run each, for a look in a minute or two.</summary>
    public static BenchSettings Quick { get; } = new()
    {
        ScaleRegistrations = 50, ScaleTenants = 2_000, ScaleRuns = 1, ApplyWrites = 300, FanOutWrites = 120,
        StateSizes = [1_000, 10_000, 100_000], StateSteps = 50, ColdRuns = 3, ProgramRuns = 3, GrowthMax = 100_000, GrowthRuns = 1,
    };

    /// <summary>Tiny sizes that finish in seconds: checks that every figure is produced, not how fast.</summary>
    public static BenchSettings Smoke { get; } = new()
    {
        ScaleRegistrations = 2, ScaleTenants = 10, ScaleRuns = 1, ApplyWrites = 20, Bucket = 10, Refill = 200,
        FanOutWrites = 20, FanOut = [1, 2], StateSizes = [20], StateSteps = 5, ColdTenants = 5, ColdRuns = 1, ProgramRuns = 1,
        GrowthRegistrations = 2, GrowthSizes = [20, 200], GrowthMax = 200, GrowthRuns = 1,
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

    /// <summary>P7: registrations of every size (each size is this many registrations × size / this many tenants).</summary>
    public int GrowthRegistrations { get; init; } = 50;

    /// <summary>P7: the sizes measured, in mappings, smallest first; those above <see cref="GrowthMax"/> are left out.</summary>
    public IReadOnlyList<int> GrowthSizes { get; init; } = [10_000, 100_000, 1_000_000];

    /// <summary>P7: the largest size measured (<c>--p7-max N</c>).</summary>
    public int GrowthMax { get; init; } = 1_000_000;

    /// <summary>P7: timed runs per size (median), after one unmeasured warm-up run.</summary>
    public int GrowthRuns { get; init; } = 3;

    /// <summary>P7: a size whose warm-up run took longer than this is timed once instead of <see cref="GrowthRuns"/> times.</summary>
    public TimeSpan GrowthSingleRunAbove { get; init; } = TimeSpan.FromSeconds(40);

    /// <summary>P7: the free space the temporary folder must have for a size of a million mappings or more (its files take about 1.5 GB).</summary>
    public long GrowthMinFreeBytesAtMillion { get; init; } = 10L * 1024 * 1024 * 1024;

    /// <summary>The time the writes take when sent exactly as fast as the bucket allows: a full bucket at once, then the refill rate.</summary>
    public TimeSpan IdealWriteTime(int writes) => TimeSpan.FromSeconds(Math.Max(0, writes - Bucket) / Refill);
}
