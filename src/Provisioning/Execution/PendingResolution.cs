using System.Collections.Immutable;
using Provisioning.State;

namespace Provisioning.Execution;

/// <summary>The checkpoint after resolving the pending operations of an interrupted run, and one line per operation saying what was found.</summary>
public sealed record PendingResolution(Checkpoint Checkpoint, ImmutableArray<string> Findings);
