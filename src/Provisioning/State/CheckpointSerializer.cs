using System.Collections.Immutable;
using System.Text.Json;
using Provisioning.Model;

namespace Provisioning.State;

/// <summary>
/// Writes and reads the checkpoint JSON format (<c>version</c>, <c>project</c>, <c>stack</c>,
/// <c>updated</c>, <c>resources[]</c>). Hand-rolled on Utf8JsonWriter/JsonDocument: no reflection, streamable.
/// </summary>
public static class CheckpointSerializer
{
    /// <summary>Writes the checkpoint to a stream as indented UTF-8 JSON.</summary>
    public static void Write(Stream stream, Checkpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteNumber("version", Checkpoint.FormatVersion);
        w.WriteString("project", checkpoint.Project);
        w.WriteString("stack", checkpoint.Stack);
        w.WriteString("updated", checkpoint.Updated);
        w.WriteStartArray("resources");
        foreach (var r in checkpoint.Resources)
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

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>Reads a checkpoint; throws <see cref="InvalidDataException"/> naming what is wrong.</summary>
    public static Checkpoint Read(Stream stream, string source)
    {
        try
        {
            using var doc = JsonDocument.Parse(stream);
            var root = doc.RootElement;
            var version = root.GetProperty("version").GetInt32();
            if (version != Checkpoint.FormatVersion)
            {
                throw new InvalidDataException($"{source}: state format version {version} is not supported (expected {Checkpoint.FormatVersion}).");
            }

            var resources = ImmutableArray.CreateBuilder<ResourceState>();
            foreach (var r in root.GetProperty("resources").EnumerateArray())
            {
                var properties = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
                foreach (var p in r.GetProperty("properties").EnumerateObject())
                {
                    properties[p.Name] = p.Value.ValueKind == JsonValueKind.String
                        ? p.Value.GetString()!
                        : throw new JsonException($"property '{p.Name}' must be a string, not {p.Value.ValueKind}.");
                }

                resources.Add(new ResourceState(
                    Urn.Parse(RequiredString(r, "urn")),
                    ArmResourceId.Parse(RequiredString(r, "id")),
                    RequiredString(r, "type"),
                    RequiredString(r, "apiVersion"),
                    properties.ToImmutable(),
                    r.TryGetProperty("parent", out _) ? Urn.Parse(RequiredString(r, "parent")) : null,
                    new ResourceOptions(
                        r.TryGetProperty("protect", out var protect) && protect.GetBoolean(),
                        r.TryGetProperty("retainOnDelete", out var retain) && retain.GetBoolean())));
            }

            return new Checkpoint(
                RequiredString(root, "project"),
                RequiredString(root, "stack"),
                root.GetProperty("updated").GetDateTimeOffset(),
                resources.ToImmutable());
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or FormatException or InvalidOperationException)
        {
            throw new InvalidDataException($"{source}: the state file is corrupt or truncated: {e.Message}", e);
        }
    }

    /// <summary>A property that must be present and a string (a JSON null would otherwise slip through as a null reference).</summary>
    private static string RequiredString(JsonElement element, string name)
    {
        var value = element.GetProperty(name);
        return value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new JsonException($"'{name}' must be a string, not {value.ValueKind}.");
    }
}
