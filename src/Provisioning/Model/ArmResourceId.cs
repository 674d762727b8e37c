namespace Provisioning.Model;

/// <summary>
/// An ARM resource id such as <c>/subscriptions/{sub}/resourceGroups/{rg}/providers/{ns}/{type}/{name}[/{type}/{name}]</c>,
/// validated on construction, compared case-insensitively and printed exactly as given.
/// </summary>
/// <remarks>
/// An id is one string and the positions of its parts: a stack of 100,000 mappings holds 100,000 of them in the
/// desired graph, the state and the refreshed list, so the parts are cut from the text only when asked for.
/// </remarks>
public readonly record struct ArmResourceId
{
    private const string SubscriptionsPrefix = "/subscriptions/";

    // The id's text: a string, or (for a child made by Child) its parent's text, type and name, which the children of one
    // parent share: a million mappings under fifty registrations then hold no text of their own.
    private readonly object? _value;
    private readonly int _hash;
    private readonly ushort _subscriptionEnd;
    private readonly ushort _groupStart;
    private readonly ushort _groupEnd;
    private readonly ushort _namespaceStart;
    private readonly ushort _namespaceEnd;
    private readonly ushort _pairs;

    private ArmResourceId(string value, ushort subscriptionEnd, ushort groupStart, ushort groupEnd, ushort namespaceStart, ushort namespaceEnd, ushort pairs)
        : this(value, HashOf(value), subscriptionEnd, groupStart, groupEnd, namespaceStart, namespaceEnd, pairs)
    {
    }

    private ArmResourceId(object value, int hash, ushort subscriptionEnd, ushort groupStart, ushort groupEnd, ushort namespaceStart, ushort namespaceEnd, ushort pairs)
    {
        _value = value;
        // Ids are hashed many times (graph, state, refreshed actual): compute the case-insensitive hash once.
        _hash = hash;
        _subscriptionEnd = subscriptionEnd;
        _groupStart = groupStart;
        _groupEnd = groupEnd;
        _namespaceStart = namespaceStart;
        _namespaceEnd = namespaceEnd;
        _pairs = pairs;
    }

    /// <summary>The longest id accepted: ARM's own limits are far below it, and the parts' positions fit in 16 bits.</summary>
    public const int MaxLength = ushort.MaxValue;

    /// <summary>The subscription the resource lives in.</summary>
    public string SubscriptionId => Head[SubscriptionsPrefix.Length.._subscriptionEnd];

    /// <summary>The resource group, or null for a subscription-scoped id.</summary>
    public string? ResourceGroup => _groupStart == 0 ? null : Head[_groupStart.._groupEnd];

    /// <summary>The provider namespace, e.g. <c>Microsoft.AzureStack</c>, or null for a subscription or resource group id.</summary>
    public string? ProviderNamespace => _namespaceStart == 0 ? null : Head[_namespaceStart.._namespaceEnd];

    /// <summary>The last name segment of the id (the resource's own name).</summary>
    public string Name => _value is ChildText child ? child.Name : _pairs > 0 ? Text[(Text.LastIndexOf('/') + 1)..] : ResourceGroup ?? SubscriptionId;

    /// <summary>The full resource type, e.g. <c>Microsoft.AzureStack/registrations/customerSubscriptions</c>, or empty for a scope.</summary>
    public string ResourceType
    {
        get
        {
            if (_pairs == 0)
            {
                return string.Empty;
            }

            // The namespace, then every other segment after it (the types, not the names).
            var text = Text.AsSpan();
            var type = new System.Text.StringBuilder(text.Length - _namespaceStart);
            type.Append(text[_namespaceStart.._namespaceEnd]);
            var rest = text[(_namespaceEnd + 1)..];
            for (var i = 0; i < _pairs; i++)
            {
                var typeEnd = rest.IndexOf('/');
                type.Append('/').Append(rest[..typeEnd]);
                rest = rest[(typeEnd + 1)..];
                var nameEnd = rest.IndexOf('/');
                rest = nameEnd < 0 ? [] : rest[(nameEnd + 1)..];
            }

            return type.ToString();
        }
    }

    /// <summary>The parent resource id (for a child resource), or null for a top-level resource or a scope.</summary>
    public ArmResourceId? Parent
    {
        get
        {
            if (_pairs < 2)
            {
                return null;
            }

            // A child made by Child holds its parent's text; a parsed one is cut before its last type segment.
            SplitLast(out var head, out _, out _);
            var parent = _value is ChildText child ? child.Parent : Text[..head.Length];
            return new ArmResourceId(parent, _subscriptionEnd, _groupStart, _groupEnd, _namespaceStart, _namespaceEnd, (ushort)(_pairs - 1));
        }
    }

    /// <summary>True when this id is a child of <paramref name="parent"/> (ignoring case); unlike <see cref="Parent"/> it allocates nothing.</summary>
    public bool IsChildOf(ArmResourceId parent)
    {
        if (_pairs < 2 || parent._value is null)
        {
            return false;
        }

        SplitLast(out var head, out _, out _);
        return parent.TextEquals(head, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The number of characters of the id's text.</summary>
    public int Length => _value switch
    {
        string text => text.Length,
        ChildText child => child.Parent.Length + child.Type.Length + child.Name.Length + 2,
        _ => 0,
    };

    /// <summary>
    /// The id's text in three parts, without copying it: everything before its last type segment (the parent's id for a
    /// child), the last type segment and the last name. For an id with fewer than two segments after the root, the
    /// first part is empty.
    /// </summary>
    public void SplitLast(out ReadOnlySpan<char> head, out ReadOnlySpan<char> type, out ReadOnlySpan<char> name)
    {
        if (_value is ChildText child)
        {
            head = child.Parent;
            type = child.Type;
            name = child.Name;
            return;
        }

        SplitLast(Text, out head, out type, out name);
    }

    private static void SplitLast(ReadOnlySpan<char> text, out ReadOnlySpan<char> head, out ReadOnlySpan<char> type, out ReadOnlySpan<char> name)
    {
        var nameSlash = text.LastIndexOf('/');
        var typeSlash = nameSlash <= 0 ? -1 : text[..nameSlash].LastIndexOf('/');
        head = typeSlash < 0 ? [] : text[..typeSlash];
        type = typeSlash < 0 ? [] : text[(typeSlash + 1)..nameSlash];
        name = text[(nameSlash + 1)..];
    }

    /// <summary>Copies the id's text into <paramref name="destination"/>, which must hold <see cref="Length"/> characters.</summary>
    public int CopyTo(Span<char> destination)
    {
        switch (_value)
        {
            case string text:
                text.CopyTo(destination);
                return text.Length;
            case ChildText child:
                child.Parent.CopyTo(destination);
                var at = child.Parent.Length;
                destination[at++] = '/';
                child.Type.CopyTo(destination[at..]);
                at += child.Type.Length;
                destination[at++] = '/';
                child.Name.CopyTo(destination[at..]);
                return at + child.Name.Length;
            default:
                return 0;
        }
    }

    /// <summary>True when both ids hold the very same text instance (as the interner shares them): equal, and printed the same.</summary>
    public bool SharesTextWith(ArmResourceId other) => ReferenceEquals(_value, other._value);

    /// <summary>True when the id's text is exactly <paramref name="text"/> (ordinal, case included).</summary>
    public bool TextEquals(ReadOnlySpan<char> text) => TextEquals(text, StringComparison.Ordinal);

    private bool TextEquals(ReadOnlySpan<char> text, StringComparison comparison)
    {
        switch (_value)
        {
            case string value:
                return text.Equals(value, comparison);
            case null:
                return text.IsEmpty;
            default:
                SplitLast(out var head, out var type, out var name);
                return text.Length == Length && text.StartsWith(head, comparison) && EqualsTail(text[head.Length..], type, name, comparison);
        }
    }

    // "/{type}/{name}" compared with a text's rest.
    private static bool EqualsTail(ReadOnlySpan<char> rest, ReadOnlySpan<char> type, ReadOnlySpan<char> name, StringComparison comparison) =>
        rest.Length == type.Length + name.Length + 2
        && rest[0] == '/'
        && rest.Slice(1, type.Length).Equals(type, comparison)
        && rest[type.Length + 1] == '/'
        && rest[(type.Length + 2)..].Equals(name, comparison);


    // The text up to the child's own segments: the sub-parts before the provider lie in it.
    private string Head => _value switch
    {
        string text => text,
        ChildText child => child.Parent,
        _ => string.Empty,
    };

    private string Text => _value switch
    {
        string text => text,
        ChildText child => string.Concat(child.Parent, "/", child.Type, "/", child.Name),
        _ => string.Empty,
    };

    /// <summary>
    /// The case-insensitive hash of an id's text, computed in two parts split before the last type segment, so that a
    /// child made from its parent's text hashes as the same id parsed from one string.
    /// </summary>
    internal static int HashOf(ReadOnlySpan<char> text)
    {
        SplitLast(text, out var head, out _, out _);
        return Combine(HeadHash(head), string.GetHashCode(text[head.Length..], StringComparison.OrdinalIgnoreCase));
    }

    // The ids read one after another (a list page, a state file) and the children made one after another (one thread
    // expands one registration) mostly share their parent: its hash is kept for the next.
    [ThreadStatic]
    private static char[]? _lastHead;

    [ThreadStatic]
    private static int _lastHeadLength;

    [ThreadStatic]
    private static int _lastHeadHash;

    private static int HeadHash(ReadOnlySpan<char> head)
    {
        var last = _lastHead;
        if (last is not null && head.SequenceEqual(last.AsSpan(0, _lastHeadLength)))
        {
            return _lastHeadHash;
        }

        var hash = string.GetHashCode(head, StringComparison.OrdinalIgnoreCase);
        if (head.Length <= 512)
        {
            last ??= _lastHead = new char[512];
            head.CopyTo(last);
            _lastHeadLength = head.Length;
            _lastHeadHash = hash;
        }

        return hash;
    }

    private static int Combine(int head, int tail) => HashCode.Combine(head, tail);

    private static int TailHash(string type, string name)
    {
        var length = type.Length + name.Length + 2;
        Span<char> tail = length <= 256 ? stackalloc char[length] : new char[length];
        tail[0] = '/';
        type.CopyTo(tail[1..]);
        tail[type.Length + 1] = '/';
        name.CopyTo(tail[(type.Length + 2)..]);
        return string.GetHashCode(tail, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A child's text: its parent's (shared by its siblings), its type segment and its name.</summary>
    private sealed class ChildText(string parent, string type, string name)
    {
        public string Parent { get; } = parent;

        public string Type { get; } = type;

        public string Name { get; } = name;
    }

    /// <summary>Parses an id, throwing <see cref="FormatException"/> when it is not a valid ARM resource id.</summary>
    public static ArmResourceId Parse(string value) =>
        TryParse(value, out var id, out var error) ? id : throw new FormatException(error);

    /// <summary>Tries to parse an id; on failure <paramref name="error"/> says what is wrong.</summary>
    public static bool TryParse(string? value, out ArmResourceId id, out string? error) =>
        TryParse(value, value.AsSpan(), out id, out error);

    /// <summary>Tries to parse an id from characters (the id's string is made only when they are valid).</summary>
    public static bool TryParse(ReadOnlySpan<char> value, out ArmResourceId id, out string? error) =>
        TryParse(null, value, out id, out error);

    private static bool TryParse(string? original, ReadOnlySpan<char> value, out ArmResourceId id, out string? error)
    {
        id = default;
        if (value.IsWhiteSpace() || value[0] != '/')
        {
            error = $"'{value}' is not an ARM resource id: it must start with '/subscriptions/'.";
            return false;
        }

        var text = value.TrimEnd('/');
        if (text.Length > MaxLength)
        {
            error = $"'{value[..100]}…' is not an ARM resource id: it is longer than {MaxLength} characters.";
            return false;
        }

        var count = text.Count('/') + 1;
        Span<Range> segments = count <= 64 ? stackalloc Range[count] : new Range[count];
        text.Split(segments, '/');

        // segments[0] is empty (leading slash).
        if (count < 3 || !text[segments[1]].Equals("subscriptions", StringComparison.OrdinalIgnoreCase) || text[segments[2]].IsEmpty)
        {
            error = $"'{value}' is not an ARM resource id: it must start with '/subscriptions/{{subscriptionId}}'.";
            return false;
        }

        for (var s = 1; s < count; s++)
        {
            if (text[segments[s]].IsEmpty)
            {
                error = $"'{value}' is not an ARM resource id: it has an empty segment.";
                return false;
            }
        }

        ushort groupStart = 0, groupEnd = 0;
        var i = 3;
        if (count > i && text[segments[i]].Equals("resourceGroups", StringComparison.OrdinalIgnoreCase))
        {
            if (count < i + 2)
            {
                error = $"'{value}' is not an ARM resource id: 'resourceGroups' has no name.";
                return false;
            }

            (groupStart, groupEnd) = Bounds(text, segments[i + 1]);
            i += 2;
        }

        ushort namespaceStart = 0, namespaceEnd = 0;
        var pairs = 0;
        if (count > i)
        {
            if (!text[segments[i]].Equals("providers", StringComparison.OrdinalIgnoreCase) || count < i + 4)
            {
                error = $"'{value}' is not an ARM resource id: expected 'providers/{{namespace}}/{{type}}/{{name}}' after the scope.";
                return false;
            }

            (namespaceStart, namespaceEnd) = Bounds(text, segments[i + 1]);
            var typeNames = count - (i + 2);
            if (typeNames % 2 != 0)
            {
                error = $"'{value}' is not an ARM resource id: every resource type needs a name.";
                return false;
            }

            pairs = typeNames / 2;
        }

        var (_, subscriptionEnd) = Bounds(text, segments[2]);
        var stored = original is not null && original.Length == text.Length ? original : text.ToString();
        id = new ArmResourceId(stored, subscriptionEnd, groupStart, groupEnd, namespaceStart, namespaceEnd, (ushort)pairs);
        error = null;
        return true;
    }

    private static (ushort Start, ushort End) Bounds(ReadOnlySpan<char> text, Range segment)
    {
        var (offset, length) = segment.GetOffsetAndLength(text.Length);
        return ((ushort)offset, (ushort)(offset + length));
    }

    /// <summary>Builds the id of a child resource of this one; <paramref name="type"/> and <paramref name="name"/> are single segments (no '/').</summary>
    public ArmResourceId Child(string type, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(type);
        ArgumentException.ThrowIfNullOrEmpty(name);
        // A '/' would add segments to the text that the parsed parts do not know about.
        if (type.Contains('/', StringComparison.Ordinal) || name.Contains('/', StringComparison.Ordinal))
        {
            throw new ArgumentException($"A child's type and name are single segments: '{type}/{name}' contains '/'.", type.Contains('/', StringComparison.Ordinal) ? nameof(type) : nameof(name));
        }

        if (_namespaceStart == 0)
        {
            throw new InvalidOperationException("A child needs a provider resource as its parent.");
        }

        if (Length + type.Length + name.Length + 2 > MaxLength)
        {
            throw new ArgumentException($"The child's id would be longer than {MaxLength} characters.", nameof(name));
        }

        // The parent's text is shared, not copied; its hash is the head of the child's.
        var parent = Text;
        var head = HeadHash(parent);
        return new ArmResourceId(new ChildText(parent, type, name), Combine(head, TailHash(type, name)), _subscriptionEnd, _groupStart, _groupEnd, _namespaceStart, _namespaceEnd, (ushort)(_pairs + 1));
    }

    /// <summary>True when both ids name the same resource, ignoring case as ARM does.</summary>
    public bool Equals(ArmResourceId other)
    {
        if (_hash != other._hash || _pairs != other._pairs)
        {
            return false;
        }

        if (ReferenceEquals(_value, other._value))
        {
            return true;
        }

        if (_value is string a && other._value is string b)
        {
            return string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
        }

        if (_value is null || other._value is null)
        {
            return false;
        }

        SplitLast(out var head, out var type, out var name);
        other.SplitLast(out var otherHead, out var otherType, out var otherName);
        return head.Equals(otherHead, StringComparison.OrdinalIgnoreCase)
            && type.Equals(otherType, StringComparison.OrdinalIgnoreCase)
            && name.Equals(otherName, StringComparison.OrdinalIgnoreCase);
    }

    /// <inheritdoc />
    public override int GetHashCode() => _hash;

    /// <summary>The id exactly as it was given.</summary>
    public override string ToString() => Text;
}
