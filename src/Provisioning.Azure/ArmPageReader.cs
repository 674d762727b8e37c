using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Provisioning.Model;

namespace Provisioning.Azure;

/// <summary>
/// Reads one list page (<c>{"value":[…],"nextLink":…}</c>) straight from the response bytes with a forward-only reader:
/// a page of 1,000 mappings becomes 1,000 <see cref="ObservedResource"/>s without a document in between. With an
/// <see cref="Interner"/>, an id, type or value whose text is already known is taken from it, not allocated again.
/// </summary>
internal static class ArmPageReader
{
    private static readonly ImmutableSortedDictionary<string, string> NoProperties =
        ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>The items and the absolute <c>nextLink</c>; throws <see cref="FormatException"/> or <see cref="JsonException"/> for a body that is not a page.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (IReadOnlyList<ObservedResource> Items, Uri? NextLink) Read(ReadOnlySpan<byte> json, Interner? interner)
    {
        // Types and property names repeat on every item: without an interner they are still shared within the page, while
        // ids and values are made once each, as a document reader would make them (a throwaway interner would only add
        // every one of them to its tables).
        var texts = new PageTexts(interner, interner ?? new Interner());
        var reader = new Utf8JsonReader(json);
        Next(ref reader);
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new FormatException($"a list page must be a JSON object, not {JsonTokenKind.Of(reader.TokenType)}");
        }

        var items = new List<ObservedResource>();
        var pairs = new List<KeyValuePair<string, string>>(1); // one scratch list for every item's properties
        string? next = null;
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("value"u8))
            {
                if (Next(ref reader) == JsonTokenType.StartArray)
                {
                    while (Next(ref reader) != JsonTokenType.EndArray)
                    {
                        items.Add(ReadItem(ref reader, texts, pairs));
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
    private static ObservedResource ReadItem(ref Utf8JsonReader reader, PageTexts texts, List<KeyValuePair<string, string>> pairs)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new FormatException($"a resource must be a JSON object, not {JsonTokenKind.Of(reader.TokenType)}");
        }

        ArmResourceId? id = null;
        string? type = null;
        pairs.Clear();

        // The desired resource of the id (when the id comes first, as ARM writes it): a type or property whose text equals
        // the desired one is taken from it by one comparison instead of a lookup.
        Resource? hint = null;
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("id"u8))
            {
                if (Next(ref reader) == JsonTokenType.String && !reader.ValueIsEmpty())
                {
                    id = texts.TryGetId(ref reader, out var parsed, out hint, out var error) ? parsed : throw new FormatException(error);
                }
            }
            else if (reader.ValueTextEquals("type"u8))
            {
                type = Next(ref reader) == JsonTokenType.String ? texts.Names.Text(ref reader, hint?.Type) : null;
            }
            else if (reader.ValueTextEquals("properties"u8))
            {
                if (Next(ref reader) == JsonTokenType.StartObject)
                {
                    pairs.Clear(); // a repeated "properties" member replaces the earlier one
                    ReadProperties(ref reader, texts, pairs, hint?.Properties);
                }
            }
            else
            {
                Next(ref reader);
            }

            reader.Skip();
        }

        var found = id ?? throw new FormatException("a resource has no 'id'");
        // The interner copies the pairs it keeps (or returns a shared set), so the scratch list is free for the next item.
        var bag = pairs.Count == 0 ? NoProperties : texts.Properties(pairs, hint?.Properties);
        return new ObservedResource(found, string.IsNullOrEmpty(type) ? found.ResourceType : type, bag);
    }

    /// <summary>Adds the string members of <c>properties</c> (others are skipped) to <paramref name="pairs"/>, in order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ReadProperties(ref Utf8JsonReader reader, PageTexts texts, List<KeyValuePair<string, string>> pairs, ImmutableSortedDictionary<string, string>? expected)
    {
        var (expectedName, expectedValue) = Interner.SinglePairOf(expected);
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            var name = texts.Names.Text(ref reader, expectedName);
            if (Next(ref reader) == JsonTokenType.String)
            {
                pairs.Add(new(name, texts.Value(ref reader, ReferenceEquals(name, expectedName) ? expectedValue : null)));
            }
            else
            {
                reader.Skip();
            }
        }
    }

    /// <summary>Where a page's text goes: ids, values and property sets to the caller's interner when there is one; types and names to <see cref="Names"/>.</summary>
    private readonly record struct PageTexts(Interner? Shared, Interner Names)
    {
        public bool TryGetId(ref Utf8JsonReader reader, out ArmResourceId id, out Resource? desired, out string? error)
        {
            desired = null;
            return Shared is { } shared ? shared.TryGetId(ref reader, out id, out desired, out error) : ArmResourceId.TryParse(reader.GetString(), out id, out error);
        }

        public string Value(ref Utf8JsonReader reader, string? expected) => Shared is { } shared ? shared.Text(ref reader, expected) : reader.GetString()!;

        /// <summary>The property set of the pairs (<paramref name="expected"/> when they are its very pair); a repeated name keeps its last value.</summary>
        public ImmutableSortedDictionary<string, string> Properties(List<KeyValuePair<string, string>> pairs, ImmutableSortedDictionary<string, string>? expected)
        {
            if (Shared is { } shared)
            {
                return shared.Properties(pairs, expected);
            }

            var builder = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
            foreach (var (name, value) in pairs)
            {
                builder[name] = value;
            }

            return builder.ToImmutable();
        }
    }

    private static bool ValueIsEmpty(this ref Utf8JsonReader reader) =>
        reader.HasValueSequence ? reader.ValueSequence.IsEmpty : reader.ValueSpan.IsEmpty;

    private static JsonTokenType Next(ref Utf8JsonReader reader) =>
        reader.Read() ? reader.TokenType : throw new JsonException("the body ends before the JSON is complete");
}
