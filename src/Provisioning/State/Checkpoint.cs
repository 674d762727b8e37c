using System.Collections.Immutable;

namespace Provisioning.State;

/// <summary>The recorded state of one stack: every resource it manages.</summary>
public sealed record Checkpoint(string Project, string Stack, DateTimeOffset Updated, ImmutableArray<ResourceState> Resources)
{
    /// <summary>The format version written to state files.</summary>
    public const int FormatVersion = 1;

    /// <summary>An empty checkpoint for a stack that has never been deployed.</summary>
    public static Checkpoint Empty(string project, string stack) => new(project, stack, DateTimeOffset.UnixEpoch, []);
}
