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
                    properties[p.Name] = p.Value.GetString() ?? string.Empty;
                }

                resources.Add(new ResourceState(
                    Urn.Parse(r.GetProperty("urn").GetString()!),
                    ArmResourceId.Parse(r.GetProperty("id").GetString()!),
                    r.GetProperty("type").GetString()!,
                    r.GetProperty("apiVersion").GetString()!,
                    properties.ToImmutable(),
                    r.TryGetProperty("parent", out var parent) ? Urn.Parse(parent.GetString()!) : null,
                    new ResourceOptions(
                        r.TryGetProperty("protect", out var protect) && protect.GetBoolean(),
                        r.TryGetProperty("retainOnDelete", out var retain) && retain.GetBoolean())));
            }

            return new Checkpoint(
                root.GetProperty("project").GetString()!,
                root.GetProperty("stack").GetString()!,
                root.GetProperty("updated").GetDateTimeOffset(),
                resources.ToImmutable());
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or FormatException or InvalidOperationException)
        {
            throw new InvalidDataException($"{source}: the state file is corrupt or truncated: {e.Message}", e);
        }
    }
}
