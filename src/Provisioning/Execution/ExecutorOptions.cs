namespace Provisioning.Execution;

/// <summary>How the executor runs steps.</summary>
public sealed record ExecutorOptions
{
    /// <summary>
    /// Requests in flight at once (default 20): ARM refills 10 writes per second per subscription,
    /// so more concurrency only queues; this keeps the bucket busy without bursting into 429s.
    /// </summary>
    public int Parallelism { get; init; } = 20;

    /// <summary>
    /// How long requests already in flight may still take once the run is cancelled (default 30 s): nothing new starts,
    /// and the requests that have not answered by then are abandoned. Their intents stay pending in the journal, so the
    /// next run reads those resources back and records what really happened.
    /// </summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The clock used for the checkpoint's time stamp and for <see cref="DrainTimeout"/>.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Journal records between two compactions of the state (default 1,000; see <see cref="State.StateTracker"/>).</summary>
    public int CompactionInterval { get; init; } = State.StateTracker.DefaultCompactionInterval;
}
