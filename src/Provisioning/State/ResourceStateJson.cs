using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Provisioning.Model;

namespace Provisioning.State;

/// <summary>
/// The JSON shape of one <see cref="ResourceState"/>, shared by the snapshot and the journal: written with
/// <see cref="Utf8JsonWriter"/>, read with <see cref="Utf8JsonReader"/> straight into a resource whose ids, URNs and
/// values come from an <see cref="Interner"/> (no intermediate string for a value it already holds).
/// </summary>
internal static class ResourceStateJson
{
    /// <summary>Writes an id's text without making a string of it (a child's text is kept in parts).</summary>
    public static void WriteId(Utf8JsonWriter w, string name, ArmResourceId id)
    {
        var length = id.Length;
        char[]? rented = null;
        var buffer = length <= 512 ? stackalloc char[512] : (rented = System.Buffers.ArrayPool<char>.Shared.Rent(length));
        w.WriteString(name, buffer[..id.CopyTo(buffer)]);
        if (rented is not null)
        {
            System.Buffers.ArrayPool<char>.Shared.Return(rented);
        }
    }

    /// <summary>Writes the resource as an object (options only when set).</summary>
    public static void Write(Utf8JsonWriter w, ResourceState r)
    {
        w.WriteStartObject();
        w.WriteString("urn", r.Urn.Value);
        WriteId(w, "id", r.Id);
        w.WriteString("type", r.Type);
        w.WriteString("apiVersion", r.ApiVersion);
        w.WriteStartObject("properties");
        foreach (var (key, value) in r.Properties)
        {
            w.WriteString(key, value);
        }

        w.WriteEndObject();
        if (r.Parent is not null)
        {
            w.WriteString("parent", r.Parent.Value);
        }

        if (r.Options.Protect)
        {
            w.WriteBoolean("protect", true);
        }

        if (r.Options.RetainOnDelete)
        {
            w.WriteBoolean("retainOnDelete", true);
        }

        w.WriteEndObject();
    }

    /// <summary>
    /// Reads the resource object the reader is on (its <see cref="JsonTokenType.StartObject"/>), its values shared
    /// through <paramref name="interner"/>, leaving the reader on its <see cref="JsonTokenType.EndObject"/>;
    /// <paramref name="pairs"/> is scratch space for its properties, reused from one resource to the next. False when
    /// the reader's data ends inside it (a slice of a larger text: read it again with more data). Throws
    /// <see cref="JsonException"/>, <see cref="FormatException"/> or <see cref="InvalidOperationException"/> when malformed.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryRead(ref Utf8JsonReader r, Interner interner, List<KeyValuePair<string, string>> pairs, out ResourceState resource)
    {
        resource = null!;
        ExpectObject(ref r, "a resource");
        Urn? urn = null, parent = null;
        ArmResourceId? id = null;
        string? type = null, apiVersion = null;
        ImmutableSortedDictionary<string, string>? properties = null;
        bool protect = false, retain = false;

        // The desired resource of the URN (when the URN comes first, as written): a value whose text equals its value is
        // taken from it by one comparison instead of a lookup among a million.
        Resource? hint = null;
        while (true)
        {
            if (!r.Read())
            {
                return false;
            }

            if (r.TokenType != JsonTokenType.PropertyName)
            {
                break;
            }

            var name = r.ValueTextEquals("urn"u8) ? 1
                : r.ValueTextEquals("id"u8) ? 2
                : r.ValueTextEquals("type"u8) ? 3
                : r.ValueTextEquals("apiVersion"u8) ? 4
                : r.ValueTextEquals("properties"u8) ? 5
                : r.ValueTextEquals("parent"u8) ? 6
                : r.ValueTextEquals("protect"u8) ? 7
                : r.ValueTextEquals("retainOnDelete"u8) ? 8
                : 0;
            if (!r.Read())
            {
                return false;
            }

            switch (name)
            {
                case 1:
                    RequireString(ref r, "urn");
                    urn = interner.Urn(ref r, out hint);
                    break;
                case 2:
                    RequireString(ref r, "id");
                    id = (hint is null ? interner.TryGetId(ref r, out var found, out var error) : interner.TryGetId(ref r, hint.Id, out found, out error))
                        ? found
                        : throw new FormatException(error);
                    break;
                case 3:
                    type = TextOf(ref r, interner, "type", hint?.Type);
                    break;
                case 4:
                    apiVersion = TextOf(ref r, interner, "apiVersion", hint?.ApiVersion);
                    break;
                case 5:
                    if (!TryReadProperties(ref r, interner, pairs, hint?.Properties, out properties))
                    {
                        return false;
                    }

                    break;
                case 6:
                    RequireString(ref r, "parent");
                    parent = hint?.Parent is { } expected && r.ValueTextEquals(expected.Value) ? expected : interner.Urn(ref r);
                    break;
                case 7:
                    protect = r.GetBoolean();
                    break;
                case 8:
                    retain = r.GetBoolean();
                    break;
                default:
                    if (!r.TrySkip())
                    {
                        return false;
                    }

                    break;
            }
        }

        resource = new ResourceState(
            urn ?? throw Missing("urn"),
            id ?? throw Missing("id"),
            type ?? throw Missing("type"),
            apiVersion ?? throw Missing("apiVersion"),
            properties ?? throw Missing("properties"),
            parent,
            protect || retain ? new ResourceOptions(protect, retain) : ResourceOptions.None);
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryReadProperties(ref Utf8JsonReader r, Interner interner, List<KeyValuePair<string, string>> pairs, ImmutableSortedDictionary<string, string>? expected, out ImmutableSortedDictionary<string, string>? properties)
    {
        // A single expected pair (a mapping's tenantId) is compared, not looked up.
        var (expectedName, expectedValue) = Interner.SinglePairOf(expected);
        properties = null;
        ExpectObject(ref r, "'properties'");
        // The interner copies what it keeps (or shares a set it holds), so the list is free again once it returns.
        pairs.Clear();
        while (true)
        {
            if (!r.Read())
            {
                return false;
            }

            if (r.TokenType != JsonTokenType.PropertyName)
            {
                break;
            }

            var key = interner.Text(ref r, expectedName);
            if (!r.Read())
            {
                return false;
            }

            if (r.TokenType != JsonTokenType.String)
            {
                throw new JsonException($"property '{key}' must be a string, not {JsonTokenKind.Of(r.TokenType)}.");
            }

            pairs.Add(new(key, interner.Text(ref r, ReferenceEquals(key, expectedName) ? expectedValue : null)));
        }

        properties = pairs.Count == 0 ? ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal) : interner.Properties(pairs, expected);
        return true;
    }

    /// <summary>The URN in the string the reader is on, shared through the interner.</summary>
    public static Urn UrnOf(ref Utf8JsonReader r, Interner interner, string name)
    {
        RequireString(ref r, name);
        return interner.Urn(ref r);
    }

    /// <summary>The id in the string the reader is on, shared through the interner; a <see cref="FormatException"/> saying why when it is not an id.</summary>
    public static ArmResourceId IdOf(ref Utf8JsonReader r, Interner interner)
    {
        RequireString(ref r, "id");
        return interner.TryGetId(ref r, out var id, out var error) ? id : throw new FormatException(error);
    }

    private static string TextOf(ref Utf8JsonReader r, Interner interner, string name, string? expected)
    {
        RequireString(ref r, name);
        return interner.Text(ref r, expected);
    }

    /// <summary>Throws <see cref="JsonException"/> unless the reader is on a string (a JSON null would otherwise slip through as a null reference).</summary>
    public static void RequireString(ref Utf8JsonReader r, string name)
    {
        if (r.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"'{name}' must be a string, not {JsonTokenKind.Of(r.TokenType)}.");
        }
    }

    /// <summary>Throws <see cref="JsonException"/> unless the reader is on the start of an object.</summary>
    public static void ExpectObject(ref Utf8JsonReader r, string what)
    {
        if (r.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"{what} must be a JSON object, not {JsonTokenKind.Of(r.TokenType)}.");
        }
    }

    /// <summary>The error for a required member that is absent.</summary>
    public static JsonException Missing(string name) => new($"'{name}' is missing.");

    /// <summary>A property that must be present and a string (a JSON null would otherwise slip through as a null reference).</summary>
    public static string RequiredString(JsonElement element, string name)
    {
        var value = element.GetProperty(name);
        return value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new JsonException($"'{name}' must be a string, not {value.ValueKind}.");
    }
}
