using System.Globalization;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Provisioning.EndToEnd.Tests.Signals;

/// <summary>
/// SIGINT and SIGTERM sent to a real <c>provision up</c> of 600 mappings at random moments: exit 130 or 143, no lock
/// left, the emulator's data equal to the state, and a next preview that lists exactly what remains. The suite runs
/// a few trials of each; SIGNAL_TRIALS=20 runs the full acceptance (20 of each).
/// </summary>
public sealed partial class SignalTests(ITestOutputHelper output)
{
    private static int Trials => int.TryParse(Environment.GetEnvironmentVariable("SIGNAL_TRIALS"), CultureInfo.InvariantCulture, out var n) ? n : 2;

    [SkippableTheory]
    [InlineData(SignalTrial.Sigint, 130)]
    [InlineData(SignalTrial.Sigterm, 143)]
    public async Task A_signal_during_up_stops_cleanly_and_the_next_preview_lists_what_remains(int signal, int exitCode)
    {
        Skip.IfNot(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "real signals are sent with POSIX kill");
        var random = new Random(20261130 + signal);
        for (var trial = 1; trial <= Trials; trial++)
        {
            using var run = new SignalTrial(random.Next());
            var after = random.Next(1, 500);
            var (code, error, interrupted) = await run.InterruptUpAsync(signal, after);

            Assert.False(File.Exists(run.LockFile), $"trial {trial}: the lock was left behind\n{error}");
            Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
            var state = await run.StateIdsAsync();
            var emulator = run.EmulatorIds();
            Assert.Equal(emulator.Order(StringComparer.Ordinal), state.Order(StringComparer.Ordinal));
            var preview = await run.RunAsync("preview", "--stack", "local");
            output.WriteLine($"trial {trial}: signal {signal} after {after} created → exit {code}, {state.Count} in state and emulator; {Summary(preview.Output)}");
            Assert.Equal(interrupted ? exitCode : 0, code);
            Assert.Equal(600 - state.Count == 0 ? "No changes" : $"{600 - state.Count} to create", Summary(preview.Output));
        }
    }

    [SkippableFact]
    public async Task A_second_signal_stops_at_once_and_the_next_up_converges()
    {
        Skip.IfNot(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "real signals are sent with POSIX kill");
        using var run = new SignalTrial(7);
        var (code, _, interrupted) = await run.InterruptUpAsync(SignalTrial.Sigint, 150, twice: true);
        Assert.True(interrupted);
        Assert.Equal(130, code);

        var next = await run.RunAsync("up", "--stack", "local", "--yes");
        Assert.True(next.ExitCode == 0, next.Error);
        var check = await run.RunAsync("preview", "--stack", "local", "--expect-no-changes");
        Assert.True(check.ExitCode == 0, check.Output + check.Error);
        Assert.Equal(600, (await run.StateIdsAsync()).Count);
        Assert.Equal(600, run.EmulatorIds().Count);
    }

    [SkippableFact]
    public async Task Ctrl_C_during_preview_exits_130_without_a_stack_trace()
    {
        Skip.IfNot(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "real signals are sent with POSIX kill");
        using var run = new SignalTrial(11);
        var (code, error, interrupted) = await run.InterruptPreviewAsync(SignalTrial.Sigint);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", error, StringComparison.Ordinal);
        Assert.Equal(interrupted ? 130 : 0, code);
    }

    private static string Summary(string output) =>
        SummaryLine().Match(output) is { Success: true } m ? (m.Groups[1].Success ? m.Groups[1].Value : "No changes") : output;

    [GeneratedRegex(@"^(?:Changes: (\d+ to create)|No changes)", RegexOptions.Multiline)]
    private static partial Regex SummaryLine();
}
