using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text.Json;
using Provisioning.Diagnostics;
using Provisioning.Model;

namespace Provisioning.State;

/// <summary>
/// Reads a checkpoint from a stream in slices with <see cref="Utf8JsonReader"/>: a state of 100,000 resources never sits
/// in memory as text or as a document, and every id, URN and value equal to one the <see cref="Interner"/> holds is
/// taken from it. The resources array's bytes are hashed as they pass, so a compact file's checksum is verified
/// without writing the resources again. Format 3's checksum covers the header (project, stack, updated, sequence,
/// pending) and the resources; format 2's the resources only; format 1 has none and is read only for an import. Throws <see cref="DiagnosticException"/> for a version it does not read or a checksum that does not
/// match, and <see cref="JsonException"/>, <see cref="FormatException"/> or <see cref="InvalidOperationException"/>
/// when malformed (the caller names the file).
/// </summary>
internal sealed class CheckpointReader(Stream stream, Interner interner, string source, bool forImport)
{
    private const int SliceBytes = 1 << 16;

    private readonly List<KeyValuePair<string, string>> _pairs = new(1);
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private byte[] _buffer = new byte[SliceBytes];
    private int _start;
    private int _end;
    private bool _final;
    private long _total;
    private JsonReaderState _state;

    // The resources array's bytes as they pass (both formats' checksums start from them).
    private IncrementalHash? _arrayHash;
    private int _arrayFrom;

    public Checkpoint Read()
    {
        var root = NextToken();
        if (root.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"the state must be a JSON object, not {Kind(root.TokenType)}.");
        }

        Commit(ref root);
        int? version = null;
        string? project = null, stack = null, checksum = null, arrayChecksum = null;
        DateTimeOffset? updated = null;
        long? sequence = null;
        var pending = ImmutableArray.CreateBuilder<PendingOperation>();
        ImmutableArray<ResourceState>.Builder? resources = null;
        while (true)
        {
            var name = NextToken();
            if (name.TokenType == JsonTokenType.EndObject)
            {
                Commit(ref name);
                break;
            }

            if (name.ValueTextEquals("resources"u8))
            {
                Once("resources");
                Commit(ref name);
                (resources, arrayChecksum) = ReadResources(hashArray: !forImport);
                continue;
            }

            if (name.ValueTextEquals("pending"u8))
            {
                Once("pending");
                Commit(ref name);
                ReadPending(pending);
                continue;
            }

            var which = name.GetString()!;
            Commit(ref name);
            var value = NextValue();
            switch (which)
            {
                case "version":
                    Once(which);
                    version = value.GetInt32();
                    CheckVersion(version.Value);
                    break;
                case "minor":
                    Once(which);
                    if (value.GetInt32() < 0)
                    {
                        throw new JsonException("'minor' must not be negative.");
                    }

                    break;
                case "project":
                    Once(which);
                    project = RequiredString(ref value, which);
                    break;
                case "stack":
                    Once(which);
                    stack = RequiredString(ref value, which);
                    break;
                case "checksum":
                    Once(which);
                    checksum = RequiredString(ref value, which);
                    break;
                case "updated":
                    Once(which);
                    updated = value.GetDateTimeOffset();
                    break;
                case "sequence":
                    Once(which);
                    sequence = value.GetInt64();
                    if (sequence < 0)
                    {
                        throw new JsonException("'sequence' must not be negative.");
                    }

                    break;
                default:
                    // A field a newer minor version added: skipped (the whole value is in the buffer, see NextValue).
                    if (!value.TrySkip())
                    {
                        throw new JsonException($"the value of '{which}' is incomplete.");
                    }

                    break;
            }

            Commit(ref value);
        }

        // Nothing may follow the object but white space.
        if (TryNextToken(out var extra))
        {
            throw new JsonException($"{Kind(extra.TokenType)} follows the state's object.");
        }

        var major = version ?? throw Missing("version");
        var read = resources?.DrainToImmutable() ?? throw Missing("resources");
        var checkpoint = new Checkpoint(project ?? throw Missing("project"), stack ?? throw Missing("stack"), updated ?? throw Missing("updated"), read)
        {
            Sequence = major == 1 ? 0 : sequence ?? throw Missing("sequence"),
            Pending = pending.ToImmutable(),
        };
        Verify(major, checksum, arrayChecksum, checkpoint);
        CheckUnique(read);
        return checkpoint;
    }

    private void CheckVersion(int major)
    {
        if (major > Checkpoint.FormatVersion)
        {
            throw new DiagnosticException(DiagnosticCatalog.FormatTooNew(
                source, "state file", major.ToString(CultureInfo.InvariantCulture), $"{MinimumMajor.ToString(CultureInfo.InvariantCulture)} to {Checkpoint.FormatVersion.ToString(CultureInfo.InvariantCulture)}"));
        }

        if (major < 1)
        {
            throw new JsonException($"'version' {major.ToString(CultureInfo.InvariantCulture)} is not a format version.");
        }

        if (major < MinimumMajor)
        {
            throw new DiagnosticException(DiagnosticCatalog.FormatTooOld(
                source, "state file", major.ToString(CultureInfo.InvariantCulture),
                $"Check its content, then migrate it once with 'provision stack import --stack <stack> --file {source}' (import reads format 1 and writes the current format); see docs/state-format.md."));
        }
    }

    private int MinimumMajor => forImport ? 1 : 2;

    /// <summary>Compares the checksum with what was read: required for state (format 2 and later); not checked for an import, whose file the operator vouches for.</summary>
    private void Verify(int major, string? checksum, string? arrayChecksum, Checkpoint checkpoint)
    {
        if (major == 1 || forImport)
        {
            return;
        }

        if (checksum is null)
        {
            throw Missing("checksum");
        }

        // A compact file hashes its resources as they were read; one edited or reformatted by hand (an unknown field
        // inside a resource, another layout) is written canonically again to compare.
        var read = checkpoint.Resources;
        var matches = major >= 3
            ? string.Equals(checksum, CheckpointSerializer.Checksum(checkpoint, arrayChecksum ?? string.Empty), StringComparison.Ordinal)
                || string.Equals(checksum, CheckpointSerializer.Checksum(checkpoint, CheckpointSerializer.ResourcesChecksum(read)), StringComparison.Ordinal)
            : string.Equals(checksum, arrayChecksum, StringComparison.Ordinal)
                || string.Equals(checksum, CheckpointSerializer.ResourcesChecksum(read), StringComparison.Ordinal);
        if (!matches)
        {
            throw new DiagnosticException(DiagnosticCatalog.ChecksumMismatch(source, "state file"));
        }
    }

    /// <summary>Two resources under one id or one URN cannot both be what the stack manages.</summary>
    private static void CheckUnique(ImmutableArray<ResourceState> resources)
    {
        var ids = new HashSet<ArmResourceId>(resources.Length);

        // Every URN of one read comes from the reader's interner, which gives one instance per text: instances stand for
        // texts, and a million URNs are not hashed again.
        var urns = new HashSet<Urn>(resources.Length, ReferenceEqualityComparer.Instance);
        ResourceState? twinId = null, twinUrn = null;
        void CheckIds() => twinId = resources.FirstOrDefault(r => !ids.Add(r.Id));
        void CheckUrns() => twinUrn = resources.FirstOrDefault(r => !urns.Add(r.Urn));

        // Independent checks: a large state runs them on two cores.
        BothAtOnce.Run(resources.Length, CheckIds, CheckUrns);

        if (twinId is not null)
        {
            throw new JsonException($"the id {DiagnosticCatalog.Excerpt(twinId.Id.ToString(), 300)} appears more than once in 'resources'.");
        }

        if (twinUrn is not null)
        {
            throw new JsonException($"the URN {DiagnosticCatalog.Excerpt(twinUrn.Urn.Value, 300)} appears more than once in 'resources'.");
        }
    }

    private void Once(string name)
    {
        if (!_seen.Add(name))
        {
            throw new JsonException($"'{name}' appears more than once.");
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private (ImmutableArray<ResourceState>.Builder Resources, string? Checksum) ReadResources(bool hashArray)
    {
        var start = NextToken();
        if (start.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"'resources' must be an array, not {Kind(start.TokenType)}.");
        }

        using var hash = hashArray ? IncrementalHash.CreateHash(HashAlgorithmName.SHA256) : null;
        _arrayHash = hash;
        _arrayFrom = _start + (int)start.TokenStartIndex;
        Commit(ref start);
        var resources = ImmutableArray.CreateBuilder<ResourceState>();
        while (true)
        {
            var item = NextToken();
            if (item.TokenType == JsonTokenType.EndArray)
            {
                Commit(ref item);
                _arrayHash = null;
                if (hash is null)
                {
                    return (resources, null);
                }

                hash.AppendData(_buffer, _arrayFrom, _start - _arrayFrom);
                return (resources, "sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset()));
            }

            // Parsed where it lies; a resource cut by the end of the slice is read again once the next slice is in.
            if (ResourceStateJson.TryRead(ref item, interner, _pairs, out var resource))
            {
                resources.Add(resource);
                Commit(ref item);
            }
            else
            {
                Fill();
            }
        }
    }

    private void ReadPending(ImmutableArray<PendingOperation>.Builder pending)
    {
        var start = NextToken();
        if (start.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"'pending' must be an array, not {Kind(start.TokenType)}.");
        }

        Commit(ref start);
        while (true)
        {
            var item = NextValue();
            if (item.TokenType == JsonTokenType.EndArray)
            {
                Commit(ref item);
                return;
            }

            pending.Add(ReadPendingOperation(ref item));
            Commit(ref item);
        }
    }

    private PendingOperation ReadPendingOperation(ref Utf8JsonReader r)
    {
        ResourceStateJson.ExpectObject(ref r, "a pending operation");
        long? sequence = null;
        JournalOperation? operation = null;
        ResourceState? resource = null;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            var name = r.GetString();
            r.Read();
            switch (name)
            {
                case "sequence":
                    sequence = r.GetInt64();
                    break;
                case "operation":
                    operation = RequiredString(ref r, name) switch
                    {
                        "put" => JournalOperation.Put,
                        "delete" => JournalOperation.Delete,
                        var other => throw new JsonException($"unknown pending operation '{DiagnosticCatalog.Excerpt(other, 40)}'."),
                    };
                    break;
                case "resource":
                    resource = ResourceStateJson.TryRead(ref r, interner, _pairs, out var read) ? read : throw new JsonException("a pending operation's resource is incomplete.");
                    break;
                default:
                    // The whole operation is in the buffer (NextValue), so skipping cannot run out of data.
                    if (!r.TrySkip())
                    {
                        throw new JsonException("a pending operation is incomplete.");
                    }

                    break;
            }
        }

        return new PendingOperation(sequence ?? throw Missing("sequence"), operation ?? throw Missing("operation"), resource ?? throw Missing("resource"));
    }


    private static string RequiredString(ref Utf8JsonReader r, string name)
    {
        ResourceStateJson.RequireString(ref r, name);
        return r.GetString()!;
    }

    private static JsonException Missing(string name) => ResourceStateJson.Missing(name);

    private static string Kind(JsonTokenType token) => JsonTokenKind.Of(token);

    /// <summary>A reader on the next token, reading more of the stream until one is complete; not yet committed.</summary>
    private Utf8JsonReader NextToken() =>
        TryNextToken(out var reader) ? reader : throw new JsonException(_total == 0 ? "the file is empty (0 bytes)." : "the file ends before the JSON is complete.");

    /// <summary>A reader on the next token; false at the end of the data.</summary>
    private bool TryNextToken(out Utf8JsonReader reader)
    {
        while (true)
        {
            if (_final && _total == 0)
            {
                reader = default;
                return false;
            }

            reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _final, _state);
            if (reader.Read())
            {
                return true;
            }

            if (_final)
            {
                return false;
            }

            Fill();
        }
    }

    /// <summary>A reader on the first token of the next value, with the whole value in the buffer; not yet committed.</summary>
    private Utf8JsonReader NextValue()
    {
        while (true)
        {
            var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _final, _state);
            if (reader.Read())
            {
                var probe = reader;
                if (probe.TrySkip())
                {
                    return reader;
                }
            }

            Fill();
        }
    }

    /// <summary>Marks everything the reader has read as consumed.</summary>
    private void Commit(ref Utf8JsonReader reader)
    {
        _start += (int)reader.BytesConsumed;
        _state = reader.CurrentState;
    }

    /// <summary>Moves the unconsumed bytes to the front (hashing what leaves) and reads more; grows for a value larger than the buffer.</summary>
    private void Fill()
    {
        if (_final)
        {
            throw new JsonException(_total == 0 ? "the file is empty (0 bytes)." : "the file ends before the JSON is complete.");
        }

        if (_arrayHash is not null)
        {
            _arrayHash.AppendData(_buffer, _arrayFrom, _start - _arrayFrom);
            _arrayFrom = 0;
        }

        var kept = _end - _start;
        if (kept == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }
        else
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, kept);
        }

        _start = 0;
        _end = kept;
        var read = stream.Read(_buffer, _end, _buffer.Length - _end);
        _final = read == 0;
        _end += read;
        _total += read;
    }
}
