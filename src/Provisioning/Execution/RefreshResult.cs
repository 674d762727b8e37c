using System.Collections.Immutable;
using Provisioning.Model;

namespace Provisioning.Execution;

/// <summary>What a refresh found: every child listed, and the parents that do not exist (so they have no children).</summary>
public sealed record RefreshResult(ImmutableArray<ObservedResource> Resources, ImmutableArray<ArmResourceId> MissingParents);
