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

        var expected = 3 + 3 + settings.StateSizes.Count + settings.FanOut.Count + 1 + 2;
        Assert.Equal(expected, rows.Count);
        Assert.Equal(["P1", "P2", "P3", "P4", "P5", "P6"], rows.Select(r => r.Id).Distinct());
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
