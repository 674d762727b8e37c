using System.Collections.Immutable;

namespace Provisioning.State;

/// <summary>The recorded state of one stack: every resource it manages.</summary>
public sealed record Checkpoint(string Project, string Stack, DateTimeOffset Updated, ImmutableArray<ResourceState> Resources)
{
    /// <summary>
    /// The major format version written to state files and journal records (3: the checksum covers every field, the
    /// project and stack included). A reader refuses a newer major and reads a newer minor (docs/state-format.md).
    /// </summary>
    public const int FormatVersion = 3;

    /// <summary>The minor format version written: raised for additions an older reader of the same major may skip.</summary>
    public const int FormatMinorVersion = 0;

    /// <summary>The sequence number of the last journal record this checkpoint includes (0 when none).</summary>
    public long Sequence { get; init; }

    /// <summary>Requests that were about to be sent when the state was last written and whose outcome is unknown (default empty).</summary>
    public ImmutableArray<PendingOperation> Pending { get; init; } = [];

    /// <summary>An empty checkpoint for a stack that has never been deployed.</summary>
    public static Checkpoint Empty(string project, string stack) => new(project, stack, DateTimeOffset.UnixEpoch, []);
}
