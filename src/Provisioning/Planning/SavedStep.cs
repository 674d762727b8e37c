using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace Provisioning.Planning;

/// <summary>One saved step: what it does, to which resource, and the properties it sends (null for deletes and forgets).</summary>
public sealed record SavedStep(
    [property: JsonPropertyName("action")] string Action,
    [property: JsonPropertyName("address")] string Address,
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("after")] ImmutableSortedDictionary<string, string>? After)
{
    /// <summary>The saved form of a step.</summary>
    public static SavedStep From(Step step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return new(step.Kind.ToString().ToLowerInvariant(), step.Urn.Value, step.Id.ToString(), step.Desired?.Properties);
    }

    /// <summary>True when both name the same action on the same resource with the same properties (ids and values ignore case).</summary>
    public bool SameAs(SavedStep other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Action == other.Action
            && Address == other.Address
            && string.Equals(Id, other.Id, StringComparison.OrdinalIgnoreCase)
            && (After is null ? other.After is null : other.After is not null && Planner.Diff(After, other.After).IsEmpty);
    }
}
