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

    private readonly string? _value;
    private readonly int _hash;
    private readonly ushort _subscriptionEnd;
    private readonly ushort _groupStart;
    private readonly ushort _groupEnd;
    private readonly ushort _namespaceStart;
    private readonly ushort _namespaceEnd;
    private readonly ushort _pairs;

    private ArmResourceId(string value, ushort subscriptionEnd, ushort groupStart, ushort groupEnd, ushort namespaceStart, ushort namespaceEnd, ushort pairs)
    {
        _value = value;
        // Ids are hashed many times (graph, state, refreshed actual): compute the case-insensitive hash once.
        _hash = StringComparer.OrdinalIgnoreCase.GetHashCode(value);
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
    public string SubscriptionId => Text[SubscriptionsPrefix.Length.._subscriptionEnd];

    /// <summary>The resource group, or null for a subscription-scoped id.</summary>
    public string? ResourceGroup => _groupStart == 0 ? null : Text[_groupStart.._groupEnd];

    /// <summary>The provider namespace, e.g. <c>Microsoft.AzureStack</c>, or null for a subscription or resource group id.</summary>
    public string? ProviderNamespace => _namespaceStart == 0 ? null : Text[_namespaceStart.._namespaceEnd];

    /// <summary>The last name segment of the id (the resource's own name).</summary>
    public string Name => _pairs > 0 ? Text[(Text.LastIndexOf('/') + 1)..] : ResourceGroup ?? SubscriptionId;

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
    public ArmResourceId? Parent => _pairs < 2
        ? null
        : new ArmResourceId(Text[..ParentLength], _subscriptionEnd, _groupStart, _groupEnd, _namespaceStart, _namespaceEnd, (ushort)(_pairs - 1));

    /// <summary>True when this id is a child of <paramref name="parent"/> (ignoring case); unlike <see cref="Parent"/> it allocates nothing.</summary>
    public bool IsChildOf(ArmResourceId parent) =>
        _pairs >= 2 && parent._value is { } p && ParentLength == p.Length && Text.AsSpan(0, p.Length).Equals(p, StringComparison.OrdinalIgnoreCase);

    private int ParentLength => Text.LastIndexOf('/', Text.LastIndexOf('/') - 1);

    private string Text => _value ?? string.Empty;

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

        var value = string.Concat(Text, "/", type, "/", name);
        if (value.Length > MaxLength)
        {
            throw new ArgumentException($"The child's id would be longer than {MaxLength} characters.", nameof(name));
        }

        return new ArmResourceId(value, _subscriptionEnd, _groupStart, _groupEnd, _namespaceStart, _namespaceEnd, (ushort)(_pairs + 1));
    }

    /// <summary>True when both ids name the same resource, ignoring case as ARM does.</summary>
    public bool Equals(ArmResourceId other) => _hash == other._hash && string.Equals(_value, other._value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override int GetHashCode() => _hash;

    /// <summary>The id exactly as it was given.</summary>
    public override string ToString() => Text;
}
