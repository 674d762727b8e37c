using System.Buffers;
using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text.Json;

namespace Provisioning.State;

/// <summary>
/// Writes and reads the checkpoint JSON format (<c>version</c>, <c>project</c>, <c>stack</c>,
/// <c>updated</c>, <c>sequence</c>, <c>checksum</c>, <c>pending[]</c>, <c>resources[]</c>). Hand-rolled on
/// Utf8JsonWriter/JsonDocument: no reflection. The checksum is the SHA-256 of the resources array's
/// canonical (compact) text, so a file cut short or edited by accident is detected, never silently used.
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
        w.WriteNumber("sequence", checkpoint.Sequence);
        w.WriteString("checksum", Checksum(checkpoint.Resources));
        if (!checkpoint.Pending.IsDefaultOrEmpty)
        {
            w.WriteStartArray("pending");
            foreach (var p in checkpoint.Pending)
            {
                w.WriteStartObject();
                w.WriteNumber("sequence", p.Sequence);
                w.WriteString("operation", p.Operation == JournalOperation.Put ? "put" : "delete");
                w.WritePropertyName("resource");
                ResourceStateJson.Write(w, p.Resource);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteStartArray("resources");
        foreach (var r in checkpoint.Resources)
        {
            ResourceStateJson.Write(w, r);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>Reads a checkpoint; throws <see cref="InvalidDataException"/> naming what is wrong.</summary>
    public static Checkpoint Read(Stream stream, string source)
    {
        try
        {
            using var doc = Parse(stream);
            var root = doc.RootElement;
            var version = root.GetProperty("version").GetInt32();
            if (version is not (1 or Checkpoint.FormatVersion))
            {
                throw new InvalidDataException($"{source}: state format version {version} is not supported (expected {Checkpoint.FormatVersion}).");
            }

            var array = root.GetProperty("resources");
            var resources = ImmutableArray.CreateBuilder<ResourceState>(array.GetArrayLength());
            ResourceState? previous = null;
            foreach (var r in array.EnumerateArray())
            {
                // Neighbours share their type, api-version and parent: reusing them keeps 100,000 resources small.
                previous = ResourceStateJson.Read(r, previous);
                resources.Add(previous);
            }

            var pending = ImmutableArray.CreateBuilder<PendingOperation>();
            if (root.TryGetProperty("pending", out var pendingArray))
            {
                foreach (var p in pendingArray.EnumerateArray())
                {
                    var operation = ResourceStateJson.RequiredString(p, "operation") switch
                    {
                        "put" => JournalOperation.Put,
                        "delete" => JournalOperation.Delete,
                        var other => throw new JsonException($"unknown pending operation '{other}'."),
                    };
                    pending.Add(new PendingOperation(p.GetProperty("sequence").GetInt64(), operation, ResourceStateJson.Read(p.GetProperty("resource"))));
                }
            }

            var checkpoint = new Checkpoint(
                ResourceStateJson.RequiredString(root, "project"),
                ResourceStateJson.RequiredString(root, "stack"),
                root.GetProperty("updated").GetDateTimeOffset(),
                resources.ToImmutable())
            {
                Sequence = version == 1 ? 0 : root.GetProperty("sequence").GetInt64(),
                Pending = pending.ToImmutable(),
            };
            if (version > 1)
            {
                var expected = ResourceStateJson.RequiredString(root, "checksum");
                var actual = Checksum(checkpoint.Resources);
                if (!string.Equals(expected, actual, StringComparison.Ordinal))
                {
                    throw new InvalidDataException($"{source}: the state file's checksum does not match its resources ({checkpoint.Resources.Length} read): it was changed or damaged after it was written.");
                }
            }

            return checkpoint;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or FormatException or InvalidOperationException)
        {
            throw new InvalidDataException($"{source}: the state file is corrupt or truncated: {e.Message}", e);
        }
    }

    /// <summary><c>sha256:</c> and the lowercase hex SHA-256 of the resources array written compactly.</summary>
    public static string Checksum(ImmutableArray<ResourceState> resources)
    {
        // The same bytes as serializing the whole array at once, hashed in slices so 100,000 resources never sit in one buffer.
        const int Slice = 1 << 16;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new ArrayBufferWriter<byte>(2 * Slice);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartArray();
            foreach (var r in resources.IsDefault ? [] : resources)
            {
                ResourceStateJson.Write(w, r);
                if (w.BytesPending >= Slice)
                {
                    w.Flush();
                    hash.AppendData(buffer.WrittenSpan);
                    buffer.ResetWrittenCount();
                }
            }

            w.WriteEndArray();
        }

        hash.AppendData(buffer.WrittenSpan);
        return "sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Parses a seekable stream from one exactly sized buffer (no growing copies of a large state file).</summary>
    private static JsonDocument Parse(Stream stream)
    {
        if (!stream.CanSeek)
        {
            return JsonDocument.Parse(stream);
        }

        var bytes = new byte[stream.Length - stream.Position];
        stream.ReadExactly(bytes);
        return JsonDocument.Parse(bytes.AsMemory());
    }
}
