using CrashTest;
using Xunit.Abstractions;

namespace Provisioning.EndToEnd.Tests.Safety;

/// <summary>
/// A small run of bench/CrashTest: provision up, started as a process against the standalone emulator, killed with
/// SIGKILL at a random moment; the next up converges. The full run is 50 trials over 2,000 mappings (see bench/CrashTest).
/// </summary>
public sealed class CrashTests(ITestOutputHelper output)
{
    [Fact]
    public async Task An_up_killed_with_SIGKILL_is_followed_by_an_up_that_converges()
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "provision.dll");
        var emulator = Path.Combine(AppContext.BaseDirectory, "Provisioning.ArmEmulator.dll");
        using var log = new StringWriter();

        var tally = await CrashRun.RunAsync(cli, emulator, trials: 2, mappings: 40, seed: 20261124, log).WaitAsync(TimeSpan.FromMinutes(2));

        tally.Print(log, 40, 20261124);
        output.WriteLine(log.ToString());
        Assert.Equal(2, tally.Trials);
        Assert.True(tally.Failures == 0, log.ToString());
    }
}
