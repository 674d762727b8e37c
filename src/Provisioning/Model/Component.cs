namespace Provisioning.Model;

/// <summary>A logical grouping of resources (no ARM call of its own), like Pulumi's component resources.</summary>
public sealed record Component(Urn Urn, string Type, string Name, IReadOnlyList<Resource> Children);
