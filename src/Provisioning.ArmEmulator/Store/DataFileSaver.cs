namespace Provisioning.ArmEmulator;

/// <summary>
/// Saves the store to its data file at most once per interval, always atomically, and on close — and on every way out of
/// the process that runs code (normal exit, <c>Environment.Exit</c>, SIGTERM, an unhandled exception), so a write the
/// emulator acknowledged is never lost with the process.
/// </summary>
/// <remarks>
/// A change marks the state dirty and arms a timer if none is armed; the timer writes one snapshot holding
/// every change made so far. With a zero interval every change is written before the request is answered, and so is a
/// change that arrives after <see cref="Close"/> (a request still in flight while the host stops).
/// </remarks>
internal sealed class DataFileSaver
{
    private readonly string _path;
    private readonly Func<StateDocument> _snapshot;
    private readonly TimeSpan _interval;
    private readonly ITimer? _timer;

    // Saves are serialised and each takes its snapshot inside this lock, so a later save never loses to an earlier one.
    private readonly Lock _saveGate = new();
    private readonly Lock _gate = new();
    private bool _dirty;
    private bool _armed;
    private bool _closed;

    public DataFileSaver(string path, Func<StateDocument> snapshot, TimeSpan interval, TimeProvider time)
    {
        _path = path;
        _snapshot = snapshot;
        _interval = interval;
        if (interval > TimeSpan.Zero)
        {
            _timer = time.CreateTimer(_ => OnTimer(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }

        // The embedded emulator lives inside another program, which may end without disposing it (a signal, Exit).
        AppDomain.CurrentDomain.ProcessExit += OnProcessEnding;
        AppDomain.CurrentDomain.UnhandledException += OnProcessEnding;
    }

    /// <summary>Gets the number of times the data file was written.</summary>
    public int SaveCount { get; private set; }

    /// <summary>Records that the state changed: saves now when there is no interval, else within one interval.</summary>
    public void Changed()
    {
        lock (_gate)
        {
            _dirty = true;
            if (_timer is not null && !_closed)
            {
                if (!_armed)
                {
                    _armed = true;
                    _timer.Change(_interval, Timeout.InfiniteTimeSpan);
                }

                return;
            }
        }

        Flush();
    }

    /// <summary>Writes the state now if it changed since the last save.</summary>
    public void Flush()
    {
        lock (_saveGate)
        {
            lock (_gate)
            {
                if (!_dirty)
                {
                    return;
                }

                _dirty = false;
            }

            try
            {
                StateFile.Save(_path, _snapshot());
                SaveCount++;
            }
            catch
            {
                lock (_gate)
                {
                    _dirty = true;
                }

                throw;
            }
        }
    }

    /// <summary>Stops the timer and writes what is pending; a later change is written at once.</summary>
    public void Close()
    {
        lock (_gate)
        {
            _closed = true;
        }

        AppDomain.CurrentDomain.ProcessExit -= OnProcessEnding;
        AppDomain.CurrentDomain.UnhandledException -= OnProcessEnding;
        _timer?.Dispose();
        Flush();
    }

    /// <summary>The process is ending: write what is pending, as <see cref="Close"/> would have.</summary>
    internal void OnProcessEnding(object? sender, EventArgs e)
    {
        try
        {
            Close();
        }
        catch (IOException)
        {
            // Nothing can be reported from here: the process is on its way out.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }

    private void OnTimer()
    {
        try
        {
            Flush();
        }
        catch (IOException)
        {
            // Still dirty: the next tick or the final flush tries again, and that one reports the failure.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }

        lock (_gate)
        {
            _armed = false;
            if (_dirty && !_closed)
            {
                _armed = true;
                _timer!.Change(_interval, Timeout.InfiniteTimeSpan);
            }
        }
    }
}
