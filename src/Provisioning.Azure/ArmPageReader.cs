using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Provisioning.Execution;
using Provisioning.Model;

namespace Provisioning.Azure;

/// <summary>
/// Reads one list page (<c>{"value":[…],"nextLink":…}</c>) straight from the response bytes with a forward-only reader:
/// a page of 1,000 mappings becomes 1,000 <see cref="ObservedResource"/>s without a document in between. With an
/// <see cref="Interner"/>, an id, type or value whose text is already known is taken from it, not allocated again.
/// </summary>
internal static class ArmPageReader
{
    /// <summary>The items and the absolute <c>nextLink</c>; throws <see cref="FormatException"/> or <see cref="JsonException"/> for a body that is not a page.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (IReadOnlyList<ObservedResource> Items, Uri? NextLink) Read(ReadOnlySpan<byte> json, Interner? interner)
    {
        var texts = interner ?? new Interner();
        var reader = new Utf8JsonReader(json);
        Next(ref reader);
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new FormatException($"a list page must be a JSON object, not {JsonTokenKind.Of(reader.TokenType)}");
        }

        var items = new List<ObservedResource>();
        string? next = null;
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("value"u8))
            {
                if (Next(ref reader) == JsonTokenType.StartArray)
                {
                    while (Next(ref reader) != JsonTokenType.EndArray)
                    {
                        items.Add(ReadItem(ref reader, texts));
                    }
                }
                else
                {
                    reader.Skip();
                }
            }
            else if (reader.ValueTextEquals("nextLink"u8))
            {
                next = Next(ref reader) == JsonTokenType.String ? reader.GetString() : null;
                reader.Skip();
            }
            else
            {
                Next(ref reader);
                reader.Skip();
            }
        }

        if (string.IsNullOrEmpty(next))
        {
            return (items, null);
        }

        return Uri.TryCreate(next, UriKind.Absolute, out var nextLink)
            ? (items, nextLink)
            : throw new FormatException($"the nextLink '{next}' is not an absolute URI");
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ObservedResource ReadItem(ref Utf8JsonReader reader, Interner texts)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new FormatException($"a resource must be a JSON object, not {JsonTokenKind.Of(reader.TokenType)}");
        }

        ArmResourceId? id = null;
        string? type = null;
        List<KeyValuePair<string, string>>? properties = null;
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("id"u8))
            {
                if (Next(ref reader) == JsonTokenType.String && !reader.ValueIsEmpty())
                {
                    id = texts.TryGetId(ref reader, out var parsed, out var error) ? parsed : throw new FormatException(error);
                }
            }
            else if (reader.ValueTextEquals("type"u8))
            {
                type = Next(ref reader) == JsonTokenType.String ? texts.Text(ref reader) : null;
            }
            else if (reader.ValueTextEquals("properties"u8))
            {
                if (Next(ref reader) == JsonTokenType.StartObject)
                {
                    properties = ReadProperties(ref reader, texts);
                }
            }
            else
            {
                Next(ref reader);
            }

            reader.Skip();
        }

        var found = id ?? throw new FormatException("a resource has no 'id'");
        var bag = properties is null or { Count: 0 }
            ? ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal)
            : texts.Properties(properties);
        return new ObservedResource(found, string.IsNullOrEmpty(type) ? found.ResourceType : type, bag);
    }

    /// <summary>The string members of <c>properties</c> (others are skipped), in order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static List<KeyValuePair<string, string>> ReadProperties(ref Utf8JsonReader reader, Interner texts)
    {
        var pairs = new List<KeyValuePair<string, string>>(1);
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            var name = texts.Text(ref reader);
            if (Next(ref reader) == JsonTokenType.String)
            {
                pairs.Add(new(name, texts.Text(ref reader)));
            }
            else
            {
                reader.Skip();
            }
        }

        return pairs;
    }

    private static bool ValueIsEmpty(this ref Utf8JsonReader reader) =>
        reader.HasValueSequence ? reader.ValueSequence.IsEmpty : reader.ValueSpan.IsEmpty;

    private static JsonTokenType Next(ref Utf8JsonReader reader) =>
        reader.Read() ? reader.TokenType : throw new JsonException("the body ends before the JSON is complete");
}
