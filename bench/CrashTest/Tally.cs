using System.Globalization;

namespace CrashTest;

/// <summary>The counts the crash test prints at the end.</summary>
internal sealed class Tally
{
    public int Trials { get; private set; }

    public int KilledMidRun { get; private set; }

    public int StaleLocks { get; private set; }

    public int TrialsWithPending { get; private set; }

    public int PendingResolved { get; private set; }

    public int Converged { get; private set; }

    public int Failures => Trials - Converged;

    public void Add(bool killedMidRun, bool staleLock, int pendingResolved, bool converged)
    {
        Trials++;
        StaleLocks += staleLock ? 1 : 0;
        KilledMidRun += killedMidRun ? 1 : 0;
        TrialsWithPending += pendingResolved > 0 ? 1 : 0;
        PendingResolved += pendingResolved;
        Converged += converged ? 1 : 0;
    }

    public void Print(TextWriter output, int mappings, int seed)
    {
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Crash test: {Trials} trials over a {mappings}-mapping stack (seed {seed})"));
        output.WriteLine("| trials | killed mid-run | stale locks taken over by the next up | trials with pending ops | pending ops found and resolved | converged | failures |");
        output.WriteLine("|---:|---:|---:|---:|---:|---:|---:|");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {Trials} | {KilledMidRun} | {StaleLocks} | {TrialsWithPending} | {PendingResolved} | {Converged} | {Failures} |"));
    }
}
