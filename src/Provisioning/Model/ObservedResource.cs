using System.Collections.Immutable;

namespace Provisioning.Model;

/// <summary>A resource as the provider reports it: its id (as ARM returns it), type and string properties.</summary>
public sealed record ObservedResource(ArmResourceId Id, string Type, ImmutableSortedDictionary<string, string> Properties);
