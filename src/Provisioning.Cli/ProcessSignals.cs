using System.Runtime.InteropServices;

namespace Provisioning.Cli;

/// <summary>
/// SIGINT (Ctrl+C) and SIGTERM, turned into cancellation once, at the top. The first signal cancels the run's token:
/// nothing new starts, requests in flight finish (bounded by the executor), finished steps are saved, the lock is
/// released, and the exit code is 130 (SIGINT) or 143 (SIGTERM). A second signal exits at once with the same code;
/// the journal's pending records let the next run converge.
/// </summary>
internal sealed class ProcessSignals : IDisposable
{
    private readonly CancellationTokenSource _cancellation = new();
    private readonly List<PosixSignalRegistration> _registrations = [];
    private readonly Action<string> _notice;
    private readonly TimeSpan _drainBound;
    private int _count;
    private int _exitCode = ExitCodes.Cancelled;

    private ProcessSignals(Action<string> notice, TimeSpan drainBound)
    {
        _notice = notice;
        _drainBound = drainBound;
    }

    /// <summary>How long a run may take to stop after the first signal before the process exits anyway (30 s).</summary>
    public static TimeSpan DefaultDrainBound { get; } = TimeSpan.FromSeconds(30);

    /// <summary>Cancelled by the first signal.</summary>
    public CancellationToken Token => _cancellation.Token;

    /// <summary>The exit code of a cancelled run: 130 after SIGINT, 143 after SIGTERM.</summary>
    public int ExitCode => Volatile.Read(ref _exitCode);

    /// <summary>Handles SIGINT and SIGTERM for this process until disposed; <paramref name="notice"/> tells the user what happens.</summary>
    public static ProcessSignals Register(Action<string> notice, TimeSpan? drainBound = null)
    {
        var signals = new ProcessSignals(notice, drainBound ?? DefaultDrainBound);
        signals._registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGINT, signals.Handle));
        signals._registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGTERM, signals.Handle));
        return signals;
    }

    /// <summary>Stops handling signals.</summary>
    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _cancellation.Dispose();
    }

    private void Handle(PosixSignalContext context)
    {
        // The runtime's default for both is to end the process; the run decides when to stop instead.
        context.Cancel = true;
        if (Interlocked.Increment(ref _count) == 1)
        {
            Volatile.Write(ref _exitCode, context.Signal == PosixSignal.SIGTERM ? ExitCodes.Terminated : ExitCodes.Cancelled);
            _notice($"{Name(context.Signal)}: stopping — nothing new starts, requests in flight finish (at most {_drainBound.TotalSeconds:0} s) and are saved. Send it again to stop at once.");

            // Cancellation callbacks run elsewhere, never on the signal thread. The bound holds even if a request hangs.
            _ = Task.Run(() => _cancellation.Cancel());
            _ = Task.Delay(_drainBound).ContinueWith(
                _ =>
                {
                    _notice($"Still not stopped after {_drainBound.TotalSeconds:0} s: stopping now. The state records what was in flight; the next run checks it and converges.");
                    Environment.Exit(ExitCode);
                },
                TaskScheduler.Default);
            return;
        }

        _notice($"{Name(context.Signal)} again: stopping at once. The state records what was in flight; the next run checks it and converges.");
        Environment.Exit(ExitCode);
    }

    private static string Name(PosixSignal signal) => signal == PosixSignal.SIGTERM ? "SIGTERM" : "Ctrl+C";
}
