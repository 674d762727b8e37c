using System.Collections.Immutable;

namespace Provisioning.Model;

/// <summary>
/// One desired ARM resource: its URN, id, type, api-version and the string properties of its
/// <c>properties</c> object (e.g. <c>tenantId</c>), with its parent component's URN.
/// </summary>
public sealed record Resource(
    Urn Urn,
    ArmResourceId Id,
    string Type,
    string ApiVersion,
    ImmutableSortedDictionary<string, string> Properties,
    Urn? Parent,
    ResourceOptions Options)
{
    /// <summary>Ordinal dictionary of properties, the form every <see cref="Resource"/> uses.</summary>
    public static ImmutableSortedDictionary<string, string> PropertiesOf(params (string Key, string Value)[] pairs) =>
        pairs.ToImmutableSortedDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
}
