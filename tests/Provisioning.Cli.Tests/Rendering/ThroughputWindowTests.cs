using Provisioning.Cli.Rendering;

namespace Provisioning.Cli.Tests.Rendering;

public sealed class ThroughputWindowTests
{
    private readonly ManualClock _clock = new();

    [Fact]
    public void The_rate_counts_only_the_requests_finished_in_the_last_10_seconds()
    {
        var window = new ThroughputWindow(_clock);
        for (var i = 0; i < 50; i++)
        {
            _clock.Advance(TimeSpan.FromMilliseconds(100));
            window.Record();
        }

        // 50 in the first 5 s; then ARM throttles: 2 more in the next 20 s.
        _clock.Advance(TimeSpan.FromSeconds(10));
        window.Record();
        _clock.Advance(TimeSpan.FromSeconds(10));
        window.Record();

        // The average since the start would say 52 / 25 s = 2.08/s; the last 10 s hold 2 requests.
        Assert.Equal(0.2, window.Rate!.Value, precision: 9);
    }

    [Fact]
    public void Before_the_window_is_full_the_rate_is_over_the_time_since_the_start()
    {
        var window = new ThroughputWindow(_clock);
        _clock.Advance(TimeSpan.FromSeconds(2));
        for (var i = 0; i < 10; i++)
        {
            window.Record();
        }

        Assert.Equal(5.0, window.Rate!.Value, precision: 9);
    }

    [Fact]
    public void The_eta_is_the_remaining_requests_at_the_windowed_rate()
    {
        var window = new ThroughputWindow(_clock);
        for (var i = 0; i < 20; i++)
        {
            _clock.Advance(TimeSpan.FromMilliseconds(500));
            window.Record();
        }

        // 20 requests in 10 s: 2/s; 138 left take 69 s.
        Assert.Equal(TimeSpan.FromSeconds(69), window.Eta(138));
        Assert.Equal("2.0/s · ETA 1m 09s", window.Describe(138));
    }

    [Fact]
    public void The_eta_is_zero_when_nothing_remains_and_unknown_when_nothing_finished_recently()
    {
        var window = new ThroughputWindow(_clock);
        Assert.Null(window.Rate);
        Assert.Null(window.Eta(5));
        Assert.Equal(TimeSpan.Zero, window.Eta(0));

        window.Record();
        _clock.Advance(TimeSpan.FromSeconds(30));

        Assert.Equal(0.0, window.Rate);
        Assert.Null(window.Eta(5));
        Assert.Equal("0.0/s · ETA –", window.Describe(5));
    }

    [Theory]
    [InlineData(45, "45s")]
    [InlineData(69, "1m 09s")]
    [InlineData(7500, "2h 05m")]
    public void An_eta_reads_in_the_largest_units_that_matter(int seconds, string expected) =>
        Assert.Equal(expected, ThroughputWindow.Format(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void The_live_bar_describes_the_recent_rate_the_eta_and_the_failures()
    {
        var window = new ThroughputWindow(_clock);
        _clock.Advance(TimeSpan.FromSeconds(4));
        for (var i = 0; i < 8; i++)
        {
            window.Record();
        }

        Assert.Equal("8/20 requests · 2.0/s · ETA 6s · [red]1 failed[/]", LiveStepProgress.Describe(8, 20, 1, window));
    }
}
