using System.Collections.Immutable;
using Provisioning.Model;

namespace Provisioning.State;

/// <summary>What the stack manages, as last recorded: one resource with its properties and options.</summary>
public sealed record ResourceState(
    Urn Urn,
    ArmResourceId Id,
    string Type,
    string ApiVersion,
    ImmutableSortedDictionary<string, string> Properties,
    Urn? Parent,
    ResourceOptions Options)
{
    /// <summary>The state of a desired resource once the provider has confirmed it.</summary>
    public static ResourceState From(Resource resource, ImmutableSortedDictionary<string, string>? properties = null)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return new(resource.Urn, resource.Id, resource.Type, resource.ApiVersion, properties ?? resource.Properties, resource.Parent, resource.Options);
    }
}
