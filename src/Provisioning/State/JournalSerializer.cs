using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Provisioning.Diagnostics;
using Provisioning.Model;

namespace Provisioning.State;

/// <summary>
/// The journal's line format: <c>&lt;sha256 hex of the JSON&gt; &lt;JSON record&gt;\n</c>, the JSON starting with the
/// format version and the project and stack the record belongs to (<c>{"v":3,"project":…,"stack":…,"seq":…}</c>), so
/// the hash covers them. A line whose hash does not match, or that has no newline, is torn: ignored when it is the last
/// (a write cut short), refused anywhere else. A complete line that is not a record of the expected stack is refused.
/// </summary>
public static class JournalSerializer
{
    private const int HashLength = 64;

    /// <summary>Encodes one record of <paramref name="identity"/>'s stack as one UTF-8 line, newline included.</summary>
    public static byte[] Encode(JournalRecord record, StateIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(record);
        var json = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(json))
        {
            w.WriteStartObject();
            w.WriteNumber("v", Checkpoint.FormatVersion);
            w.WriteString("project", identity.Project);
            w.WriteString("stack", identity.Stack);
            w.WriteNumber("seq", record.Sequence);
            w.WriteString("kind", record.Kind.ToString().ToLowerInvariant());
            ResourceStateJson.WriteId(w, "id", record.Id);
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

    /// <summary>Encodes several records of <paramref name="identity"/>'s stack into one buffer (one append).</summary>
    public static byte[] Encode(IEnumerable<JournalRecord> records, StateIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(records);
        using var buffer = new MemoryStream();
        foreach (var record in records)
        {
            buffer.Write(Encode(record, identity));
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// Decodes the journal of <paramref name="expected"/>'s stack; a torn last line is left out and reported. Throws
    /// <see cref="DiagnosticException"/> naming <paramref name="source"/> and the record for a torn line before the
    /// last, a line that is not a record, a record of another stack or project or of a format this build does not read.
    /// Ids, URNs and values equal to ones in <paramref name="interner"/> are taken from it.
    /// </summary>
    public static JournalContent Decode(ReadOnlySpan<byte> data, string source, StateIdentity expected, Interner? interner = null)
    {
        interner ??= new Interner();
        var prefix = expected.UrnPrefix;
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
            var json = newline < 0 ? default : Verified(rest[..newline]);
            if (json.IsEmpty)
            {
                if (isLast)
                {
                    return new JournalContent(records, offset, TornTail: true);
                }

                throw new DiagnosticException(DiagnosticCatalog.ChecksumMismatch(
                    source, "journal", $"Its record {Number(lineNumber)} is damaged and records follow it; the {Number(records.Count)} record(s) before it are intact."));
            }

            var record = Record(json, source, lineNumber, expected, interner, pairs);
            if (record.Resource is { } resource)
            {
                StateIdentityCheck.Resource(resource, prefix, expected, source, "journal", $"record {Number(lineNumber)}");
            }

            records.Add(record);
            offset += newline + 1;
        }

        return new JournalContent(records, offset, TornTail: false);
    }

    /// <summary>The JSON of a line whose hash matches it, or empty when the line is torn.</summary>
    private static ReadOnlySpan<byte> Verified(ReadOnlySpan<byte> line)
    {
        if (line.Length < HashLength + 2 || line[HashLength] != (byte)' ')
        {
            return default;
        }

        var json = line[(HashLength + 1)..];
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(json, hash);
        Span<byte> hex = stackalloc byte[HashLength];
        return Convert.TryToHexStringLower(hash, hex, out _) && line[..HashLength].SequenceEqual(hex) ? json : default;
    }

    private static JournalRecord Record(ReadOnlySpan<byte> json, string source, int lineNumber, StateIdentity expected, Interner interner, List<KeyValuePair<string, string>> pairs)
    {
        try
        {
            return ReadRecord(json, source, lineNumber, expected, interner, pairs);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or FormatException or InvalidOperationException or OverflowException)
        {
            // The hash matched, so the line was written whole: a record we cannot understand, not a torn write.
            throw new DiagnosticException(DiagnosticCatalog.StateCorrupt(source, "journal", $"record {Number(lineNumber)}: {e.Message}"), e);
        }
    }

    /// <summary>One record's JSON, read with <see cref="Utf8JsonReader"/> (no document); throws when it is not a record.</summary>
    private static JournalRecord ReadRecord(ReadOnlySpan<byte> json, string source, int lineNumber, StateIdentity expected, Interner interner, List<KeyValuePair<string, string>> pairs)
    {
        var r = new Utf8JsonReader(json, isFinalBlock: true, state: default);
        r.Read();
        ResourceStateJson.ExpectObject(ref r, "a journal record");
        int? version = null;
        string? project = null, stack = null;
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
                : r.ValueTextEquals("v"u8) ? 7
                : r.ValueTextEquals("project"u8) ? 8
                : r.ValueTextEquals("stack"u8) ? 9
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
                        : throw new JsonException("unknown kind.");
                    break;
                case 3:
                    id = ResourceStateJson.IdOf(ref r, interner);
                    break;
                case 4:
                    ResourceStateJson.RequireString(ref r, "op");
                    operation = r.ValueTextEquals("delete"u8) ? JournalOperation.Delete
                        : r.ValueTextEquals("put"u8) ? JournalOperation.Put
                        : throw new JsonException("'op' must be \"put\" or \"delete\".");
                    break;
                case 5:
                    intent = r.GetInt64();
                    break;
                case 6:
                    resource = ResourceStateJson.TryRead(ref r, interner, pairs, out var read) ? read : throw new JsonException("the record's resource is incomplete.");
                    break;
                case 7:
                    version = r.GetInt32();
                    break;
                case 8:
                    ResourceStateJson.RequireString(ref r, "project");
                    project = r.GetString();
                    break;
                case 9:
                    ResourceStateJson.RequireString(ref r, "stack");
                    stack = r.GetString();
                    break;
                default:
                    // A field a newer minor version added.
                    r.Skip();
                    break;
            }
        }

        if (r.TokenType != JsonTokenType.EndObject || r.Read())
        {
            throw new JsonException("a journal record must be one JSON object.");
        }

        var what = "journal";
        var part = $"record {Number(lineNumber)}";
        switch (version)
        {
            case null:
                throw new DiagnosticException(DiagnosticCatalog.FormatTooOld(
                    source, what, "2", $"Its {part} was written by an older provision whose run did not finish: finish it with that version, or move the journal aside and run 'provision refresh' (see docs/state-format.md)."));
            case > Checkpoint.FormatVersion:
                throw new DiagnosticException(DiagnosticCatalog.FormatTooNew(source, $"{what} (its {part})", Number(version.Value), $"up to {Number(Checkpoint.FormatVersion)}"));
            case < Checkpoint.FormatVersion:
                throw new JsonException($"'v' {Number(version.Value)} is not a journal format version.");
        }

        if (project is null || stack is null)
        {
            throw ResourceStateJson.Missing(project is null ? "project" : "stack");
        }

        if (!string.Equals(project, expected.Project, StringComparison.Ordinal) || !string.Equals(stack, expected.Stack, StringComparison.Ordinal))
        {
            throw new DiagnosticException(DiagnosticCatalog.ForeignState(source, what, $"stack '{DiagnosticCatalog.Excerpt(stack)}' of project '{DiagnosticCatalog.Excerpt(project)}'", expected.ToString(), part));
        }

        var record = new JournalRecord(
            sequence ?? throw ResourceStateJson.Missing("seq"),
            kind ?? throw ResourceStateJson.Missing("kind"),
            id ?? throw ResourceStateJson.Missing("id"),
            operation,
            resource,
            intent);
        if (record.Sequence <= 0 || record.Intent < 0)
        {
            throw new JsonException("'seq' must be positive and 'intent' not negative.");
        }

        if (record.Kind is JournalRecordKind.Intent or JournalRecordKind.Set && record.Resource is null)
        {
            throw ResourceStateJson.Missing("resource");
        }

        if (record.Resource is { } recorded && recorded.Id != record.Id)
        {
            throw new JsonException("the record's resource has another id than the record.");
        }

        return record;
    }

    private static string Number(long n) => n.ToString(CultureInfo.InvariantCulture);

}
