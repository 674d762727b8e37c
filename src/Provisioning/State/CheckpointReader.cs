using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text.Json;
using Provisioning.Model;

namespace Provisioning.State;

/// <summary>
/// Reads a checkpoint from a stream in slices with <see cref="Utf8JsonReader"/>: a state of 100,000 resources never sits
/// in memory as text or as a document, and every id, URN and value equal to one the <see cref="Interner"/> holds is
/// taken from it. The resources array's bytes are hashed as they pass, so a compact file's checksum is verified
/// without writing the resources again; an indented file (older versions wrote those) is verified the canonical way.
/// Throws <see cref="JsonException"/>, <see cref="FormatException"/> or <see cref="InvalidOperationException"/> when
/// malformed (the caller names the file), and <see cref="InvalidDataException"/> for a version it does not read.
/// </summary>
internal sealed class CheckpointReader(Stream stream, Interner interner, string source)
{
    private const int SliceBytes = 1 << 16;

    private readonly List<KeyValuePair<string, string>> _pairs = new(1);
    private byte[] _buffer = new byte[SliceBytes];
    private int _start;
    private int _end;
    private bool _final;
    private JsonReaderState _state;
    private IncrementalHash? _hash;
    private int _hashFrom;

    public Checkpoint Read()
    {
        var root = NextToken();
        if (root.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"the state must be a JSON object, not {Kind(root.TokenType)}.");
        }

        Commit(ref root);
        int? version = null;
        string? project = null, stack = null, checksum = null, rawChecksum = null;
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
                Commit(ref name);
                (resources, rawChecksum) = ReadResources();
                continue;
            }

            if (name.ValueTextEquals("pending"u8))
            {
                Commit(ref name);
                ReadPending(pending);
                continue;
            }

            var which = name.GetString();
            Commit(ref name);
            var value = NextValue();
            switch (which)
            {
                case "version":
                    version = value.GetInt32();
                    if (version is not (1 or Checkpoint.FormatVersion))
                    {
                        throw new InvalidDataException($"{source}: state format version {version} is not supported (expected {Checkpoint.FormatVersion}).");
                    }

                    break;
                case "project":
                    project = RequiredString(ref value, which);
                    break;
                case "stack":
                    stack = RequiredString(ref value, which);
                    break;
                case "checksum":
                    checksum = RequiredString(ref value, which);
                    break;
                case "updated":
                    updated = value.GetDateTimeOffset();
                    break;
                case "sequence":
                    sequence = value.GetInt64();
                    break;
                default:
                    value.Skip();
                    break;
            }

            Commit(ref value);
        }

        var read = resources?.DrainToImmutable() ?? throw Missing("resources");
        var checkpoint = new Checkpoint(project ?? throw Missing("project"), stack ?? throw Missing("stack"), updated ?? throw Missing("updated"), read)
        {
            Sequence = (version ?? throw Missing("version")) == 1 ? 0 : sequence ?? throw Missing("sequence"),
            Pending = pending.ToImmutable(),
        };
        if (version > 1)
        {
            var expected = checksum ?? throw Missing("checksum");

            // A compact file hashes as it was read; an indented one must be written compactly again to compare.
            if (!string.Equals(expected, rawChecksum, StringComparison.Ordinal)
                && !string.Equals(expected, CheckpointSerializer.Checksum(read), StringComparison.Ordinal))
            {
                throw new InvalidDataException($"{source}: the state file's checksum does not match its resources ({read.Length} read): it was changed or damaged after it was written.");
            }
        }

        return checkpoint;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private (ImmutableArray<ResourceState>.Builder Resources, string Checksum) ReadResources()
    {
        var start = NextToken();
        if (start.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"'resources' must be an array, not {Kind(start.TokenType)}.");
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        _hash = hash;
        _hashFrom = _start + (int)start.TokenStartIndex;
        Commit(ref start);
        var resources = ImmutableArray.CreateBuilder<ResourceState>();
        while (true)
        {
            var item = NextToken();
            if (item.TokenType == JsonTokenType.EndArray)
            {
                Commit(ref item);
                hash.AppendData(_buffer, _hashFrom, _start - _hashFrom);
                _hash = null;
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
                        var other => throw new JsonException($"unknown pending operation '{other}'."),
                    };
                    break;
                case "resource":
                    resource = ResourceStateJson.TryRead(ref r, interner, _pairs, out var read) ? read : throw new JsonException("a pending operation's resource is incomplete.");
                    break;
                default:
                    r.Skip();
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
    private Utf8JsonReader NextToken()
    {
        while (true)
        {
            var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _final, _state);
            if (reader.Read())
            {
                return reader;
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

    /// <summary>Moves the unconsumed bytes to the front (hashing what leaves, when inside the resources) and reads more; grows for a value larger than the buffer.</summary>
    private void Fill()
    {
        if (_final)
        {
            throw new JsonException("the file ends before the JSON is complete.");
        }

        if (_hash is not null)
        {
            _hash.AppendData(_buffer, _hashFrom, _start - _hashFrom);
            _hashFrom = 0;
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
    }
}
