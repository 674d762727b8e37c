namespace Provisioning.Execution;

/// <summary>How the executor runs steps.</summary>
public sealed record ExecutorOptions
{
    /// <summary>
    /// Requests in flight at once (default 20): ARM refills 10 writes per second per subscription,
    /// so more concurrency only queues; this keeps the bucket busy without bursting into 429s.
    /// </summary>
    public int Parallelism { get; init; } = 20;

    /// <summary>The clock used for the checkpoint's time stamp.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Journal records between two compactions of the state (default 1,000; see <see cref="State.StateTracker"/>).</summary>
    public int CompactionInterval { get; init; } = State.StateTracker.DefaultCompactionInterval;
}
