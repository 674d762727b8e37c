using System.Buffers;
using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text.Json;
using Provisioning.Diagnostics;
using Provisioning.Model;

namespace Provisioning.State;

/// <summary>
/// Writes and reads the checkpoint JSON format (<c>version</c>, <c>minor</c>, <c>project</c>, <c>stack</c>,
/// <c>updated</c>, <c>sequence</c>, <c>pending[]</c>, <c>resources[]</c>, <c>checksum</c>; docs/state-format.md).
/// Hand-rolled on Utf8JsonWriter/Utf8JsonReader: no reflection, no document of the whole file. The checksum covers
/// every field the format defines — version, project, stack, updated, sequence, pending operations, resources — so a
/// file cut short, edited by accident or copied from another stack is detected, never silently used; fields a later
/// minor version adds are skipped by readers and not covered (see <see cref="Checksum(Checkpoint, string)"/>).
/// </summary>
public static class CheckpointSerializer
{
    private const int Slice = 1 << 16;

    /// <summary>
    /// Writes the checkpoint to a stream as compact UTF-8 JSON, in slices. The resources array is hashed as it is
    /// written and the checksum follows it, so 100,000 resources are serialised once and never held as one text.
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
            w.WriteNumber("minor", Checkpoint.FormatMinorVersion);
            w.WriteString("project", checkpoint.Project);
            w.WriteString("stack", checkpoint.Stack);
            w.WriteString("updated", checkpoint.Updated);
            w.WriteNumber("sequence", checkpoint.Sequence);
            if (!checkpoint.Pending.IsDefaultOrEmpty)
            {
                WritePending(w, checkpoint.Pending);
            }

            // From the '[' to the ']', the bytes are exactly those ResourcesChecksum hashes.
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
            w.WriteString("checksum", Checksum(checkpoint, "sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset())));
            w.WriteEndObject();
        }

        stream.Write(buffer.WrittenSpan);
    }

    /// <summary>
    /// Format 3's checksum: <c>sha256:</c> and the SHA-256 of the canonical header — compact
    /// <c>{"version":3,"project":…,"stack":…,"updated":…,"sequence":…,"pending":[…]}</c> — a newline, and
    /// <paramref name="resourcesChecksum"/> (<see cref="ResourcesChecksum"/>). It covers every field format 3 defines
    /// and none a later minor version adds, so an older reader still verifies a newer minor's file.
    /// </summary>
    internal static string Checksum(Checkpoint checkpoint, string resourcesChecksum)
    {
        var header = new ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(header))
        {
            w.WriteStartObject();
            w.WriteNumber("version", Checkpoint.FormatVersion);
            w.WriteString("project", checkpoint.Project);
            w.WriteString("stack", checkpoint.Stack);
            w.WriteString("updated", checkpoint.Updated);
            w.WriteNumber("sequence", checkpoint.Sequence);
            WritePending(w, checkpoint.Pending.IsDefault ? [] : checkpoint.Pending);
            w.WriteEndObject();
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(header.WrittenSpan);
        hash.AppendData("\n"u8);
        hash.AppendData(System.Text.Encoding.ASCII.GetBytes(resourcesChecksum));
        return "sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void WritePending(Utf8JsonWriter w, ImmutableArray<PendingOperation> pending)
    {
        w.WriteStartArray("pending");
        foreach (var p in pending)
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

    /// <summary>
    /// Reads the state of <paramref name="expected"/>: the format must be 2 or 3 (a newer major is refused, a newer minor
    /// read), the checksum must match, and the header and every resource's URN must name <paramref name="expected"/>.
    /// Ids, URNs and values equal to ones in <paramref name="interner"/> are taken from it. Throws
    /// <see cref="DiagnosticException"/> naming <paramref name="source"/> and what is wrong.
    /// </summary>
    public static Checkpoint Read(Stream stream, string source, StateIdentity expected, Interner? interner = null)
    {
        var checkpoint = Read(stream, source, interner);
        StateIdentityCheck.Checkpoint(checkpoint, expected, source, "state file");
        return checkpoint;
    }

    /// <summary>
    /// Reads a state file without saying whose it must be (tools and benchmarks): format and checksum are checked as
    /// by <see cref="Read(Stream, string, StateIdentity, Interner?)"/>, and the identity is the one the file names.
    /// </summary>
    public static Checkpoint Read(Stream stream, string source, Interner? interner = null) => ReadCore(stream, source, interner, forImport: false);

    /// <summary>
    /// Reads a file given to <c>stack import</c>: formats 1 to 3, the checksum neither required nor checked (the operator
    /// vouches for the file, edited or not); every id must still parse, and the caller checks that it is the stack's.
    /// </summary>
    public static Checkpoint ReadForImport(Stream stream, string source, Interner? interner = null) => ReadCore(stream, source, interner, forImport: true);

    private static Checkpoint ReadCore(Stream stream, string source, Interner? interner, bool forImport)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            return new CheckpointReader(stream, interner ?? new Interner(), source, forImport).Read();
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or FormatException or InvalidOperationException or OverflowException)
        {
            throw new DiagnosticException(DiagnosticCatalog.StateCorrupt(source, forImport ? "file" : "state file", e.Message), e);
        }
    }

    private static void Drain(Utf8JsonWriter w, ArrayBufferWriter<byte> buffer, Stream stream, IncrementalHash? hash)
    {
        w.Flush();
        hash?.AppendData(buffer.WrittenSpan);
        stream.Write(buffer.WrittenSpan);
        buffer.ResetWrittenCount();
    }

    /// <summary><c>sha256:</c> and the lowercase hex SHA-256 of the resources array written compactly (format 2's checksum).</summary>
    public static string ResourcesChecksum(ImmutableArray<ResourceState> resources)
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
