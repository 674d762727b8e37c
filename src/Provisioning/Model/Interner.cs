using System.Buffers;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Provisioning.Model;

/// <summary>
/// Shares equal values between the three views of one run — desired, recorded and refreshed — so that a stack of
/// 100,000 mappings holds each id, URN and property set once instead of three times. Readers of the state and of
/// list pages look text up here before they allocate; a value is reused only when its text is exactly equal
/// (ordinal), so an id is still printed exactly as its source wrote it. Safe for concurrent use.
/// </summary>
public sealed class Interner
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ArmResourceId> _ids = new(StringComparer.Ordinal);
    // A URN's text → the URN, or the desired resource it names (whose other values a reader can then compare instead of looking up).
    private readonly Dictionary<string, object> _urns = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Name, string Value), ImmutableSortedDictionary<string, string>> _single = [];

    // Set once the seed (the desired graph) is in: from then on the four dictionaries above are only read, without the
    // lock, by any number of threads (the parallel page readers of a refresh, which would otherwise queue on one lock);
    // what the seed lacks goes to the locked overflow below. A dictionary is safe for concurrent reads while nobody writes.
    private volatile bool _sealed;

    // The desired graph the interner was seeded from: its ids are found through the graph's own index, by their text.
    private ResourceGraph? _graph;
    private readonly Dictionary<string, ArmResourceId> _moreIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, object> _moreUrns = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _moreStrings = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Name, string Value), ImmutableSortedDictionary<string, string>> _moreSingle = [];

    /// <summary>An interner seeded with every id, URN, type, api-version and property set of <paramref name="desired"/>.</summary>
    public static Interner From(ResourceGraph desired)
    {
        ArgumentNullException.ThrowIfNull(desired);
        var interner = new Interner();

        // Sized once for the graph: no rehash (and its garbage) of a million URNs. The ids are not copied: the graph
        // finds them by their text.
        interner._urns.EnsureCapacity(desired.Count + desired.Components.Count);
        interner._graph = desired;
        interner.Add(desired.Resources, ids: false);
        interner._sealed = true;
        return interner;
    }

    /// <summary>Adds the values of some resources.</summary>
    public void Add(IEnumerable<Resource> resources) => Add(resources, ids: true);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Add(IEnumerable<Resource> resources, bool ids)
    {
        ArgumentNullException.ThrowIfNull(resources);
        // Resources share their property sets (one per tenant) and parents (one per component): visit each once.
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        Resource? last = null;
        lock (_gate)
        {
            if (_sealed)
            {
                throw new InvalidOperationException("The interner is sealed: its seed is read without a lock.");
            }

            foreach (var resource in resources)
            {
                if (ids)
                {
                    _ids.TryAdd(resource.Id.ToString(), resource.Id);
                }

                _urns.TryAdd(resource.Urn.Value, resource);

                // Siblings follow each other with the same parent, type and api-version instances: compare with the last first.
                if (resource.Parent is { } parent && !ReferenceEquals(parent, last?.Parent) && seen.Add(parent))
                {
                    _urns.TryAdd(parent.Value, parent);
                }

                if (!ReferenceEquals(resource.Type, last?.Type) && seen.Add(resource.Type))
                {
                    _strings.TryAdd(resource.Type, resource.Type);
                }

                if (!ReferenceEquals(resource.ApiVersion, last?.ApiVersion) && seen.Add(resource.ApiVersion))
                {
                    _strings.TryAdd(resource.ApiVersion, resource.ApiVersion);
                }

                last = resource;

                if (seen.Add(resource.Properties))
                {
                    AddProperties(resource.Properties);
                }
            }
        }
    }

    private void AddProperties(ImmutableSortedDictionary<string, string> properties)
    {
        foreach (var (name, value) in properties)
        {
            _strings.TryAdd(name, name);
            _strings.TryAdd(value, value);
            if (properties.Count == 1)
            {
                _single.TryAdd((name, value), properties);
            }
        }
    }

    /// <summary>The id with exactly this text: a known one, or a newly parsed one that is then known. False (with the reason) when the text is not an id.</summary>
    public bool TryGetId(ReadOnlySpan<char> text, out ArmResourceId id, out string? error) => TryGetId(text, out id, out _, out error);

    /// <summary>As <see cref="TryGetId(ReadOnlySpan{char}, out ArmResourceId, out string?)"/>, with the desired resource of that id when it is one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryGetId(ReadOnlySpan<char> text, out ArmResourceId id, out Resource? desired, out string? error)
    {
        if (_sealed && _graph is not null && _graph.TryFindExact(text, out desired))
        {
            id = desired.Id;
            error = null;
            return true;
        }

        desired = null;
        if (_sealed && _ids.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(text, out id))
        {
            error = null;
            return true;
        }

        lock (_gate)
        {
            var ids = _sealed ? _moreIds : _ids;
            if (ids.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(text, out id))
            {
                error = null;
                return true;
            }

            if (!ArmResourceId.TryParse(text, out id, out error))
            {
                return false;
            }

            ids.TryAdd(id.ToString(), id);
            return true;
        }
    }

    /// <summary>The URN with exactly this text: a known one, or a newly parsed one (see <see cref="Urn.Parse"/>) that is then known.</summary>
    public Urn Urn(ReadOnlySpan<char> text) => Urn(text, out _);

    /// <summary>As <see cref="Urn(ReadOnlySpan{char})"/>, with the desired resource of that URN when it is one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Urn Urn(ReadOnlySpan<char> text, out Resource? desired)
    {
        if (_sealed && _urns.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(text, out var seeded))
        {
            return UrnOf(seeded, out desired);
        }

        lock (_gate)
        {
            var urns = _sealed ? _moreUrns : _urns;
            if (urns.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(text, out var known))
            {
                return UrnOf(known, out desired);
            }

            var urn = Model.Urn.Parse(text.ToString());
            urns.TryAdd(urn.Value, urn);
            desired = null;
            return urn;
        }
    }

    private static Urn UrnOf(object known, out Resource? desired)
    {
        desired = known as Resource;
        return desired?.Urn ?? (Urn)known;
    }

    /// <summary>One string instance per distinct text (types, api-versions, property names and values).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public string Text(ReadOnlySpan<char> text)
    {
        if (_sealed && _strings.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(text, out var seeded))
        {
            return seeded;
        }

        lock (_gate)
        {
            var strings = _sealed ? _moreStrings : _strings;
            if (strings.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(text, out var known))
            {
                return known;
            }

            var made = text.ToString();
            strings.TryAdd(made, made);
            return made;
        }
    }

    /// <summary>
    /// The property set of these pairs (a repeated name keeps its last value): a shared instance for a single pair (a
    /// mapping's <c>tenantId</c>), a new one otherwise. Names and values should come from <see cref="Text(ReadOnlySpan{char})"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ImmutableSortedDictionary<string, string> Properties(IReadOnlyList<KeyValuePair<string, string>> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        if (pairs.Count != 1)
        {
            var builder = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
            foreach (var (name, value) in pairs)
            {
                builder[name] = value;
            }

            return builder.ToImmutable();
        }

        var key = (pairs[0].Key, pairs[0].Value);
        if (_sealed && _single.TryGetValue(key, out var seeded))
        {
            return seeded;
        }

        lock (_gate)
        {
            var single = _sealed ? _moreSingle : _single;
            if (!single.TryGetValue(key, out var properties))
            {
                properties = Resource.PropertiesOf(key);
                single.Add(key, properties);
            }

            return properties;
        }
    }

    /// <summary>The name and value of a set of exactly one property (a mapping's <c>tenantId</c>), else nulls; readers compare against it.</summary>
    public static (string? Name, string? Value) SinglePairOf(ImmutableSortedDictionary<string, string>? properties)
    {
        if (properties is not { Count: 1 })
        {
            return default;
        }

        foreach (var (name, value) in properties)
        {
            return (name, value);
        }

        return default;
    }

    /// <summary>
    /// The property set of these pairs: <paramref name="expected"/> itself when they are exactly its single pair (the
    /// instances a reader took from it, see <see cref="Text(ref Utf8JsonReader, string?)"/>), else as <see cref="Properties(IReadOnlyList{KeyValuePair{string, string}})"/>.
    /// </summary>
    public ImmutableSortedDictionary<string, string> Properties(IReadOnlyList<KeyValuePair<string, string>> pairs, ImmutableSortedDictionary<string, string>? expected)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        return pairs.Count == 1 && expected is { Count: 1 } && expected.TryGetValue(pairs[0].Key, out var value) && ReferenceEquals(value, pairs[0].Value)
            ? expected
            : Properties(pairs);
    }

    /// <summary>
    /// The JSON string (or property name) the reader is on: <paramref name="expected"/> itself when its text is exactly
    /// that (one comparison, no lookup: a reader that knows the desired resource compares with its values), else as
    /// <see cref="Text(ref Utf8JsonReader)"/>.
    /// </summary>
    public string Text(ref Utf8JsonReader reader, string? expected) =>
        expected is not null && reader.ValueTextEquals(expected) ? expected : Text(ref reader);

    /// <summary>The JSON string (or property name) the reader is on, unescaped, as shared text.</summary>
    public string Text(ref Utf8JsonReader reader)
    {
        using var chars = new PooledChars(ref reader);
        return Text(chars.Span);
    }

    /// <summary>The id in the JSON string the reader is on (see <see cref="TryGetId(ReadOnlySpan{char}, out ArmResourceId, out string?)"/>).</summary>
    public bool TryGetId(ref Utf8JsonReader reader, out ArmResourceId id, out string? error) => TryGetId(ref reader, out id, out _, out error);

    /// <summary>The id in the JSON string the reader is on, with its desired resource when it is one (see <see cref="TryGetId(ReadOnlySpan{char}, out ArmResourceId, out Resource?, out string?)"/>).</summary>
    public bool TryGetId(ref Utf8JsonReader reader, out ArmResourceId id, out Resource? desired, out string? error)
    {
        using var chars = new PooledChars(ref reader);
        return TryGetId(chars.Span, out id, out desired, out error);
    }

    /// <summary>
    /// The id in the JSON string the reader is on: <paramref name="expected"/> itself when the text is exactly its text
    /// (no lookup), else as <see cref="TryGetId(ReadOnlySpan{char}, out ArmResourceId, out string?)"/>.
    /// </summary>
    public bool TryGetId(ref Utf8JsonReader reader, ArmResourceId expected, out ArmResourceId id, out string? error)
    {
        using var chars = new PooledChars(ref reader);
        if (expected.TextEquals(chars.Span))
        {
            id = expected;
            error = null;
            return true;
        }

        return TryGetId(chars.Span, out id, out error);
    }

    /// <summary>The URN in the JSON string the reader is on (see <see cref="Urn(ReadOnlySpan{char})"/>).</summary>
    public Urn Urn(ref Utf8JsonReader reader) => Urn(ref reader, out _);

    /// <summary>The URN in the JSON string the reader is on, with its desired resource when it is one.</summary>
    public Urn Urn(ref Utf8JsonReader reader, out Resource? desired)
    {
        using var chars = new PooledChars(ref reader);
        return Urn(chars.Span, out desired);
    }

    /// <summary>The unescaped characters of a reader's current string in a pooled array, returned on dispose: nothing else is allocated.</summary>
    private readonly ref struct PooledChars
    {
        private readonly char[] _array;
        private readonly int _length;

        public PooledChars(ref Utf8JsonReader reader)
        {
            var most = reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;
            _array = ArrayPool<char>.Shared.Rent(Math.Max(most, 256));
            _length = reader.CopyString(_array);
        }

        public ReadOnlySpan<char> Span => _array.AsSpan(0, _length);

        public void Dispose() => ArrayPool<char>.Shared.Return(_array);
    }
}
