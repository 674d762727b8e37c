using System.Globalization;

namespace Provisioning.Cli.Rendering;

/// <summary>
/// The rate of finished requests over a recent window (default the last 10 s) and the time left at that rate. An apply
/// against ARM speeds up and slows down with throttling, so the average since the start would promise too much after
/// a pause and too little after a burst; the recent rate says what the next minutes will look like. Not thread-safe:
/// the progress reporters call it under their own lock.
/// </summary>
internal sealed class ThroughputWindow
{
    /// <summary>The window the rate is measured over unless told otherwise.</summary>
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromSeconds(10);

    private readonly TimeProvider _time;
    private readonly TimeSpan _window;
    private readonly long _start;
    private readonly Queue<long> _finished = new();

    /// <summary>Starts measuring now, on <paramref name="time"/> (default the system clock), over <paramref name="window"/> (default <see cref="DefaultWindow"/>).</summary>
    public ThroughputWindow(TimeProvider? time = null, TimeSpan? window = null)
    {
        _time = time ?? TimeProvider.System;
        _window = window ?? DefaultWindow;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(_window, TimeSpan.Zero, nameof(window));
        _start = _time.GetTimestamp();
    }

    /// <summary>Counts one finished request, now.</summary>
    public void Record()
    {
        var now = _time.GetTimestamp();
        _finished.Enqueue(now);
        Forget(now);
    }

    /// <summary>
    /// Requests per second over the window (over the time since the start while that is shorter); null while no time has
    /// passed. Zero when nothing finished within the window.
    /// </summary>
    public double? Rate
    {
        get
        {
            var now = _time.GetTimestamp();
            Forget(now);
            var measured = _time.GetElapsedTime(_start, now);
            var span = measured < _window ? measured : _window;
            return span <= TimeSpan.Zero ? null : _finished.Count / span.TotalSeconds;
        }
    }

    /// <summary>The time <paramref name="remaining"/> requests take at the current <see cref="Rate"/>: zero when none remain, null when the rate is unknown or zero.</summary>
    public TimeSpan? Eta(int remaining)
    {
        if (remaining <= 0)
        {
            return TimeSpan.Zero;
        }

        return Rate is > 0 and var rate ? TimeSpan.FromSeconds(Math.Ceiling(remaining / rate)) : null;
    }

    /// <summary><c>8.5/s · ETA 1m 09s</c> for <paramref name="remaining"/> requests; <c>–/s · ETA –</c> while unknown.</summary>
    public string Describe(int remaining)
    {
        var rate = Rate is { } r ? r.ToString("0.0", CultureInfo.InvariantCulture) : "–";
        return $"{rate}/s · ETA {Format(Eta(remaining))}";
    }

    /// <summary>A duration as people read an ETA: <c>45s</c>, <c>1m 09s</c>, <c>2h 05m</c>; <c>–</c> when unknown.</summary>
    public static string Format(TimeSpan? duration) => duration switch
    {
        null => "–",
        { TotalHours: >= 1 } d => string.Create(CultureInfo.InvariantCulture, $"{(int)d.TotalHours}h {d.Minutes:00}m"),
        { TotalMinutes: >= 1 } d => string.Create(CultureInfo.InvariantCulture, $"{(int)d.TotalMinutes}m {d.Seconds:00}s"),
        { } d => string.Create(CultureInfo.InvariantCulture, $"{(int)Math.Ceiling(d.TotalSeconds)}s"),
    };

    // Completions older than the window no longer count.
    private void Forget(long now)
    {
        while (_finished.Count > 0 && _time.GetElapsedTime(_finished.Peek(), now) > _window)
        {
            _finished.Dequeue();
        }
    }
}
