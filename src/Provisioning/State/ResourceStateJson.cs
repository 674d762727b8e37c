using System.Collections.Immutable;
using System.Text.Json;
using Provisioning.Model;

namespace Provisioning.State;

/// <summary>The JSON shape of one <see cref="ResourceState"/>, shared by the snapshot and the journal.</summary>
internal static class ResourceStateJson
{
    /// <summary>Writes the resource as an object (options only when set).</summary>
    public static void Write(Utf8JsonWriter w, ResourceState r)
    {
        w.WriteStartObject();
        w.WriteString("urn", r.Urn.Value);
        w.WriteString("id", r.Id.ToString());
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

    /// <summary>Reads a resource object (a journal record's); throws <see cref="JsonException"/>, <see cref="FormatException"/> or <see cref="KeyNotFoundException"/> when malformed.</summary>
    public static ResourceState Read(JsonElement r)
    {
        var properties = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var p in r.GetProperty("properties").EnumerateObject())
        {
            properties[p.Name] = p.Value.ValueKind == JsonValueKind.String
                ? p.Value.GetString()!
                : throw new JsonException($"property '{p.Name}' must be a string, not {p.Value.ValueKind}.");
        }

        return new ResourceState(
            Urn.Parse(RequiredString(r, "urn")),
            ArmResourceId.Parse(RequiredString(r, "id")),
            RequiredString(r, "type"),
            RequiredString(r, "apiVersion"),
            properties.ToImmutable(),
            r.TryGetProperty("parent", out var parent) ? Urn.Parse(parent.ValueKind == JsonValueKind.String ? parent.GetString()! : throw new JsonException($"'parent' must be a string, not {parent.ValueKind}.")) : null,
            new ResourceOptions(
                r.TryGetProperty("protect", out var protect) && protect.GetBoolean(),
                r.TryGetProperty("retainOnDelete", out var retain) && retain.GetBoolean()));
    }

    /// <summary>A property that must be present and a string (a JSON null would otherwise slip through as a null reference).</summary>
    public static string RequiredString(JsonElement element, string name)
    {
        var value = element.GetProperty(name);
        return value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new JsonException($"'{name}' must be a string, not {value.ValueKind}.");
    }
}
