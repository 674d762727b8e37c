using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Provisioning.Model;

namespace Provisioning.State;

/// <summary>
/// The journal's line format: <c>&lt;sha256 hex of the JSON&gt; &lt;JSON record&gt;\n</c>. A line whose hash does not
/// match, or that has no newline, is torn: ignored when it is the last (a write cut short), corrupt anywhere else.
/// </summary>
public static class JournalSerializer
{
    private const int HashLength = 64;

    /// <summary>Encodes one record as one UTF-8 line, newline included.</summary>
    public static byte[] Encode(JournalRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var json = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(json))
        {
            w.WriteStartObject();
            w.WriteNumber("seq", record.Sequence);
            w.WriteString("kind", record.Kind.ToString().ToLowerInvariant());
            w.WriteString("id", record.Id.ToString());
            if (record.Kind == JournalRecordKind.Intent)
            {
                w.WriteString("op", record.Operation == JournalOperation.Put ? "put" : "delete");
            }

            if (record.Intent != 0)
            {
                w.WriteNumber("intent", record.Intent);
            }

            if (record.Resource is not null)
            {
                w.WritePropertyName("resource");
                ResourceStateJson.Write(w, record.Resource);
            }

            w.WriteEndObject();
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(json.WrittenSpan));
        var line = new byte[HashLength + 1 + json.WrittenCount + 1];
        Encoding.ASCII.GetBytes(hash, line);
        line[HashLength] = (byte)' ';
        json.WrittenSpan.CopyTo(line.AsSpan(HashLength + 1));
        line[^1] = (byte)'\n';
        return line;
    }

    /// <summary>Encodes several records into one buffer (one append).</summary>
    public static byte[] Encode(IEnumerable<JournalRecord> records)
    {
        using var buffer = new MemoryStream();
        foreach (var record in records)
        {
            buffer.Write(Encode(record));
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// Decodes a journal; a torn last line is left out and reported, a bad line before the last throws
    /// <see cref="InvalidDataException"/>. Ids, URNs and values equal to ones in <paramref name="interner"/> are taken
    /// from it (without one, the records share a private one).
    /// </summary>
    public static JournalContent Decode(ReadOnlySpan<byte> data, string source, Interner? interner = null)
    {
        interner ??= new Interner();
        var pairs = new List<KeyValuePair<string, string>>(1);
        var records = new List<JournalRecord>();
        var offset = 0;
        var lineNumber = 0;
        while (offset < data.Length)
        {
            lineNumber++;
            var rest = data[offset..];
            var newline = rest.IndexOf((byte)'\n');
            var isLast = newline < 0 || offset + newline + 1 == data.Length;
            var record = newline < 0 ? null : TryDecodeLine(rest[..newline], interner, pairs);
            if (record is null)
            {
                if (isLast)
                {
                    return new JournalContent(records, offset, TornTail: true);
                }

                throw new InvalidDataException(
                    $"{source}: journal record {lineNumber.ToString(CultureInfo.InvariantCulture)} is corrupt (its checksum does not match) and records follow it; "
                    + $"the {records.Count.ToString(CultureInfo.InvariantCulture)} record(s) before it are intact.");
            }

            records.Add(record);
            offset += newline + 1;
        }

        return new JournalContent(records, offset, TornTail: false);
    }

    private static JournalRecord? TryDecodeLine(ReadOnlySpan<byte> line, Interner interner, List<KeyValuePair<string, string>> pairs)
    {
        if (line.Length < HashLength + 2 || line[HashLength] != (byte)' ')
        {
            return null;
        }

        var json = line[(HashLength + 1)..];
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(json, hash);
        Span<byte> hex = stackalloc byte[HashLength];
        if (!Convert.TryToHexStringLower(hash, hex, out _) || !line[..HashLength].SequenceEqual(hex))
        {
            return null;
        }

        try
        {
            return ReadRecord(json, interner, pairs);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or FormatException or InvalidOperationException)
        {
            // The hash matched, so this is a record we cannot understand rather than a torn write.
            return null;
        }
    }

    /// <summary>One record's JSON, read with <see cref="Utf8JsonReader"/> (no document); throws when it is not a record.</summary>
    private static JournalRecord ReadRecord(ReadOnlySpan<byte> json, Interner interner, List<KeyValuePair<string, string>> pairs)
    {
        var r = new Utf8JsonReader(json, isFinalBlock: true, state: default);
        r.Read();
        ResourceStateJson.ExpectObject(ref r, "a journal record");
        long? sequence = null;
        JournalRecordKind? kind = null;
        ArmResourceId? id = null;
        var operation = JournalOperation.Put;
        ResourceState? resource = null;
        long intent = 0;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            var name = r.ValueTextEquals("seq"u8) ? 1
                : r.ValueTextEquals("kind"u8) ? 2
                : r.ValueTextEquals("id"u8) ? 3
                : r.ValueTextEquals("op"u8) ? 4
                : r.ValueTextEquals("intent"u8) ? 5
                : r.ValueTextEquals("resource"u8) ? 6
                : 0;
            r.Read();
            switch (name)
            {
                case 1:
                    sequence = r.GetInt64();
                    break;
                case 2:
                    ResourceStateJson.RequireString(ref r, "kind");
                    kind = r.ValueTextEquals("intent"u8) ? JournalRecordKind.Intent
                        : r.ValueTextEquals("set"u8) ? JournalRecordKind.Set
                        : r.ValueTextEquals("remove"u8) ? JournalRecordKind.Remove
                        : r.ValueTextEquals("abandon"u8) ? JournalRecordKind.Abandon
                        : throw new JsonException("unknown kind");
                    break;
                case 3:
                    id = ResourceStateJson.IdOf(ref r, interner);
                    break;
                case 4:
                    // As before: only "delete" deletes; a null or any other string is a put, a non-string is not a record.
                    operation = r.TokenType switch
                    {
                        JsonTokenType.Null => JournalOperation.Put,
                        JsonTokenType.String => r.ValueTextEquals("delete"u8) ? JournalOperation.Delete : JournalOperation.Put,
                        _ => throw new InvalidOperationException($"'op' must be a string, not {JsonTokenKind.Of(r.TokenType)}."),
                    };
                    break;
                case 5:
                    intent = r.GetInt64();
                    break;
                case 6:
                    resource = ResourceStateJson.TryRead(ref r, interner, pairs, out var read) ? read : throw new JsonException("the record's resource is incomplete.");
                    break;
                default:
                    r.Skip();
                    break;
            }
        }

        if (r.TokenType != JsonTokenType.EndObject || r.Read())
        {
            throw new JsonException("a journal record must be one JSON object.");
        }

        return new JournalRecord(
            sequence ?? throw ResourceStateJson.Missing("seq"),
            kind ?? throw ResourceStateJson.Missing("kind"),
            id ?? throw ResourceStateJson.Missing("id"),
            operation,
            resource,
            intent);
    }
}
