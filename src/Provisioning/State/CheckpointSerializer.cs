using System.Buffers;
using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text.Json;
using Provisioning.Model;

namespace Provisioning.State;

/// <summary>
/// Writes and reads the checkpoint JSON format (<c>version</c>, <c>project</c>, <c>stack</c>,
/// <c>updated</c>, <c>sequence</c>, <c>pending[]</c>, <c>resources[]</c>, <c>checksum</c>). Hand-rolled on
/// Utf8JsonWriter/Utf8JsonReader: no reflection, no document of the whole file. The checksum is the SHA-256 of the resources array's
/// canonical (compact) text, so a file cut short or edited by accident is detected, never silently used.
/// </summary>
public static class CheckpointSerializer
{
    private const int Slice = 1 << 16;

    /// <summary>
    /// Writes the checkpoint to a stream as compact UTF-8 JSON, in slices. The resources array is hashed as it is written
    /// and the checksum follows it, so 100,000 resources are serialised once and never held as one text.
    /// </summary>
    public static void Write(Stream stream, Checkpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(checkpoint);
        var buffer = new ArrayBufferWriter<byte>(2 * Slice);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteNumber("version", Checkpoint.FormatVersion);
            w.WriteString("project", checkpoint.Project);
            w.WriteString("stack", checkpoint.Stack);
            w.WriteString("updated", checkpoint.Updated);
            w.WriteNumber("sequence", checkpoint.Sequence);
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

            // From the '[' to the ']', the bytes are exactly those Checksum hashes.
            w.WritePropertyName("resources");
            Drain(w, buffer, stream, null);
            w.WriteStartArray();
            foreach (var r in checkpoint.Resources.IsDefault ? [] : checkpoint.Resources)
            {
                ResourceStateJson.Write(w, r);
                if (w.BytesPending >= Slice)
                {
                    Drain(w, buffer, stream, hash);
                }
            }

            w.WriteEndArray();
            Drain(w, buffer, stream, hash);
            w.WriteString("checksum", "sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset()));
            w.WriteEndObject();
        }

        stream.Write(buffer.WrittenSpan);
    }

    /// <summary>
    /// Reads a checkpoint in slices; ids, URNs and values equal to ones in <paramref name="interner"/> are taken from it.
    /// Throws <see cref="InvalidDataException"/> naming <paramref name="source"/> and what is wrong.
    /// </summary>
    public static Checkpoint Read(Stream stream, string source, Interner? interner = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            return new CheckpointReader(stream, interner ?? new Interner(), source).Read();
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or FormatException or InvalidOperationException)
        {
            throw new InvalidDataException($"{source}: the state file is corrupt or truncated: {e.Message}", e);
        }
    }

    private static void Drain(Utf8JsonWriter w, ArrayBufferWriter<byte> buffer, Stream stream, IncrementalHash? hash)
    {
        w.Flush();
        hash?.AppendData(buffer.WrittenSpan);
        stream.Write(buffer.WrittenSpan);
        buffer.ResetWrittenCount();
    }

    /// <summary><c>sha256:</c> and the lowercase hex SHA-256 of the resources array written compactly.</summary>
    public static string Checksum(ImmutableArray<ResourceState> resources)
    {
        // The same bytes as serializing the whole array at once, hashed in slices so 100,000 resources never sit in one buffer.
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
}
