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

    /// <summary>Decodes a journal; a torn last line is left out and reported, a bad line before the last throws <see cref="InvalidDataException"/>.</summary>
    public static JournalContent Decode(ReadOnlySpan<byte> data, string source)
    {
        var records = new List<JournalRecord>();
        var offset = 0;
        var lineNumber = 0;
        while (offset < data.Length)
        {
            lineNumber++;
            var rest = data[offset..];
            var newline = rest.IndexOf((byte)'\n');
            var isLast = newline < 0 || offset + newline + 1 == data.Length;
            var record = newline < 0 ? null : TryDecodeLine(rest[..newline]);
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

    private static JournalRecord? TryDecodeLine(ReadOnlySpan<byte> line)
    {
        if (line.Length < HashLength + 2 || line[HashLength] != (byte)' ')
        {
            return null;
        }

        var json = line[(HashLength + 1)..];
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(json, hash);
        Span<char> hex = stackalloc char[HashLength];
        if (!Convert.TryToHexStringLower(hash, hex, out _) || Encoding.ASCII.GetString(line[..HashLength]) != new string(hex))
        {
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(json.ToArray());
            var root = doc.RootElement;
            var kind = ResourceStateJson.RequiredString(root, "kind") switch
            {
                "intent" => JournalRecordKind.Intent,
                "set" => JournalRecordKind.Set,
                "remove" => JournalRecordKind.Remove,
                "abandon" => JournalRecordKind.Abandon,
                _ => throw new JsonException("unknown kind"),
            };
            var operation = root.TryGetProperty("op", out var op) && op.GetString() == "delete" ? JournalOperation.Delete : JournalOperation.Put;
            return new JournalRecord(
                root.GetProperty("seq").GetInt64(),
                kind,
                ArmResourceId.Parse(ResourceStateJson.RequiredString(root, "id")),
                operation,
                root.TryGetProperty("resource", out var resource) ? ResourceStateJson.Read(resource) : null,
                root.TryGetProperty("intent", out var intent) ? intent.GetInt64() : 0);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or FormatException or InvalidOperationException)
        {
            // The hash matched, so this is a record we cannot understand rather than a torn write.
            return null;
        }
    }
}
