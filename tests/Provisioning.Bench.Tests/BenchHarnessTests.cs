using System.Diagnostics;

namespace Provisioning.Bench.Tests;

/// <summary>The performance harness at tiny sizes: every figure is produced; how fast is not asserted here.</summary>
public sealed class BenchHarnessTests
{
    [Fact]
    public async Task The_smoke_run_produces_every_row_of_the_table_and_its_json()
    {
        var cli = new CliProcess(Path.Combine(AppContext.BaseDirectory, "provision.dll"));
        var settings = BenchSettings.Smoke;

        var rows = await BenchHarness.RunAsync(settings, cli, _ => { });

        var growthSizes = settings.GrowthSizes.Count(s => s <= settings.GrowthMax);
        var expected = 3 + 3 + settings.StateSizes.Count + settings.FanOut.Count + 1 + 2 + (3 * growthSizes) + (growthSizes - 1);
        Assert.Equal(expected, rows.Count);
        Assert.Equal(["P1", "P2", "P3", "P4", "P5", "P6", "P7"], rows.Select(r => r.Id).Distinct());
        Assert.All(rows, r => Assert.True(double.IsFinite(r.Value) && r.Value > 0, $"{r.Id} {r.Name}: {r.Value}"));
        Assert.Contains(rows, r => r.Id == "P1" && r.Detail.Contains("standalone emulator", StringComparison.Ordinal));
        var table = BenchReport.Table(rows);
        Assert.All(rows, r => Assert.Contains(r.Name, table, StringComparison.Ordinal));
        var json = BenchReport.Json(rows, "smoke", DateTimeOffset.UnixEpoch);
        Assert.Contains("\"rows\"", json, StringComparison.Ordinal);
        Assert.NotEmpty(StandaloneEmulator.StartedProcessIds);
        Assert.All(StandaloneEmulator.StartedProcessIds, AssertExited);
    }

    [Fact]
    public async Task The_standalone_emulator_is_stopped_when_a_preview_fails()
    {
        // Beside the real CLI (so the emulator is found) but naming no program: every preview fails.
        var cli = new CliProcess(Path.Combine(AppContext.BaseDirectory, "no-such-provision.dll"));
        var before = StandaloneEmulator.StartedProcessIds.ToHashSet();

        await Assert.ThrowsAsync<InvalidOperationException>(() => BenchHarness.RunAsync(BenchSettings.Smoke, cli, _ => { }, ["P1"]));

        var started = Assert.Single(StandaloneEmulator.StartedProcessIds.Except(before));
        AssertExited(started);
    }

    [Fact]
    public async Task Only_the_figures_asked_for_are_measured()
    {
        var rows = await BenchHarness.RunAsync(BenchSettings.Smoke, new CliProcess("unused.dll"), _ => { }, ["P3"]);

        Assert.All(rows, r => Assert.Equal("P3", r.Id));
    }

    [Fact]
    public async Task P7_measures_each_size_up_to_the_maximum_and_the_ratio_of_consecutive_sizes()
    {
        var cli = new CliProcess(Path.Combine(AppContext.BaseDirectory, "provision.dll"));
        var settings = BenchSettings.Smoke with { GrowthSizes = [10, 20, 40], GrowthMax = 20 };

        var rows = await BenchHarness.RunAsync(settings, cli, _ => { }, ["P7"]);

        Assert.All(rows, r => Assert.Equal("P7", r.Id));
        Assert.Equal(
            [
                "growth: preview 10 mappings (refresh, no change): wall", "growth: preview 10 mappings: peak memory (MaxRSS)", "growth: generating 10 mappings (stack, emulator data, state)",
                "growth: preview 20 mappings (refresh, no change): wall", "growth: preview 20 mappings: peak memory (MaxRSS)", "growth: generating 20 mappings (stack, emulator data, state)",
                "growth: t(20) / t(10)",
            ],
            rows.Select(r => r.Name));
        Assert.All(rows, r => Assert.True(double.IsFinite(r.Value) && r.Value > 0, $"{r.Name}: {r.Value}"));
        Assert.All(rows, r => Assert.Null(r.Met)); // the goals are the 1,000,000 size's
    }

    [Fact]
    public void The_ideal_write_time_is_a_full_bucket_at_once_then_the_refill_rate()
    {
        var settings = BenchSettings.Full with { Bucket = 20, Refill = 50 };

        Assert.Equal(TimeSpan.FromSeconds(19.6), settings.IdealWriteTime(1_000));
        Assert.Equal(TimeSpan.Zero, settings.IdealWriteTime(10));
    }

    private static void AssertExited(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            Assert.True(process.HasExited, $"the emulator (pid {processId}) is still running");
        }
        catch (ArgumentException)
        {
            // No such process any more.
        }
    }
}
