using System.Collections.Immutable;

namespace Provisioning.State;

/// <summary>The recorded state of one stack: every resource it manages.</summary>
public sealed record Checkpoint(string Project, string Stack, DateTimeOffset Updated, ImmutableArray<ResourceState> Resources)
{
    /// <summary>The format version written to state files (2: with a checksum, a journal sequence and pending operations; 1 is still read).</summary>
    public const int FormatVersion = 2;

    /// <summary>The sequence number of the last journal record this checkpoint includes (0 when none).</summary>
    public long Sequence { get; init; }

    /// <summary>Requests that were about to be sent when the state was last written and whose outcome is unknown (default empty).</summary>
    public ImmutableArray<PendingOperation> Pending { get; init; } = [];

    /// <summary>An empty checkpoint for a stack that has never been deployed.</summary>
    public static Checkpoint Empty(string project, string stack) => new(project, stack, DateTimeOffset.UnixEpoch, []);
}
