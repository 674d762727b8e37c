namespace Provisioning.Model;

/// <summary>
/// An ARM resource id such as <c>/subscriptions/{sub}/resourceGroups/{rg}/providers/{ns}/{type}/{name}[/{type}/{name}]</c>,
/// validated on construction, compared case-insensitively and printed exactly as given.
/// </summary>
public readonly record struct ArmResourceId
{
    private readonly string? _value;

    private ArmResourceId(string value, string subscriptionId, string? resourceGroup, string? providerNamespace, string[] typeNames)
    {
        _value = value;
        // Ids are hashed many times (graph, state, refreshed actual): compute the case-insensitive hash once.
        _hash = StringComparer.OrdinalIgnoreCase.GetHashCode(value);
        SubscriptionId = subscriptionId;
        ResourceGroup = resourceGroup;
        ProviderNamespace = providerNamespace;
        _typeNames = typeNames;
    }

    private readonly string[]? _typeNames;
    private readonly int _hash;

    /// <summary>The subscription the resource lives in.</summary>
    public string SubscriptionId { get; }

    /// <summary>The resource group, or null for a subscription-scoped id.</summary>
    public string? ResourceGroup { get; }

    /// <summary>The provider namespace, e.g. <c>Microsoft.AzureStack</c>, or null for a subscription or resource group id.</summary>
    public string? ProviderNamespace { get; }

    /// <summary>The last name segment of the id (the resource's own name).</summary>
    public string Name => _typeNames is { Length: > 0 } t ? t[^1] : ResourceGroup ?? SubscriptionId;

    /// <summary>The full resource type, e.g. <c>Microsoft.AzureStack/registrations/customerSubscriptions</c>, or empty for a scope.</summary>
    public string ResourceType
    {
        get
        {
            if (_typeNames is not { Length: > 0 } t)
            {
                return string.Empty;
            }

            var parts = new string[(t.Length / 2) + 1];
            parts[0] = ProviderNamespace!;
            for (var i = 0; i < t.Length; i += 2)
            {
                parts[(i / 2) + 1] = t[i];
            }

            return string.Join('/', parts);
        }
    }

    /// <summary>The parent resource id (for a child resource), or null for a top-level resource or a scope.</summary>
    public ArmResourceId? Parent
    {
        get
        {
            if (_typeNames is not { Length: > 2 } t)
            {
                return null;
            }

            var cut = _value!.LastIndexOf('/', _value.LastIndexOf('/') - 1);
            return new ArmResourceId(_value[..cut], SubscriptionId, ResourceGroup, ProviderNamespace, t[..^2]);
        }
    }

    /// <summary>Parses an id, throwing <see cref="FormatException"/> when it is not a valid ARM resource id.</summary>
    public static ArmResourceId Parse(string value) =>
        TryParse(value, out var id, out var error) ? id : throw new FormatException(error);

    /// <summary>Tries to parse an id; on failure <paramref name="error"/> says what is wrong.</summary>
    public static bool TryParse(string? value, out ArmResourceId id, out string? error)
    {
        id = default;
        if (string.IsNullOrWhiteSpace(value) || value[0] != '/')
        {
            error = $"'{value}' is not an ARM resource id: it must start with '/subscriptions/'.";
            return false;
        }

        var segments = value.TrimEnd('/').Split('/');
        // segments[0] is empty (leading slash).
        if (segments.Length < 3 || !segments[1].Equals("subscriptions", StringComparison.OrdinalIgnoreCase) || segments[2].Length == 0)
        {
            error = $"'{value}' is not an ARM resource id: it must start with '/subscriptions/{{subscriptionId}}'.";
            return false;
        }

        if (segments.AsSpan(1).Contains(string.Empty))
        {
            error = $"'{value}' is not an ARM resource id: it has an empty segment.";
            return false;
        }

        string? resourceGroup = null;
        var i = 3;
        if (segments.Length > i && segments[i].Equals("resourceGroups", StringComparison.OrdinalIgnoreCase))
        {
            if (segments.Length < i + 2)
            {
                error = $"'{value}' is not an ARM resource id: 'resourceGroups' has no name.";
                return false;
            }

            resourceGroup = segments[i + 1];
            i += 2;
        }

        string? ns = null;
        string[] typeNames = [];
        if (segments.Length > i)
        {
            if (!segments[i].Equals("providers", StringComparison.OrdinalIgnoreCase) || segments.Length < i + 4)
            {
                error = $"'{value}' is not an ARM resource id: expected 'providers/{{namespace}}/{{type}}/{{name}}' after the scope.";
                return false;
            }

            ns = segments[i + 1];
            typeNames = segments[(i + 2)..];
            if (typeNames.Length % 2 != 0)
            {
                error = $"'{value}' is not an ARM resource id: every resource type needs a name.";
                return false;
            }
        }

        id = new ArmResourceId(value.TrimEnd('/'), segments[2], resourceGroup, ns, typeNames);
        error = null;
        return true;
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

        if (ProviderNamespace is null)
        {
            throw new InvalidOperationException("A child needs a provider resource as its parent.");
        }

        return new ArmResourceId($"{_value}/{type}/{name}", SubscriptionId, ResourceGroup, ProviderNamespace, [.. _typeNames!, type, name]);
    }

    /// <summary>True when both ids name the same resource, ignoring case as ARM does.</summary>
    public bool Equals(ArmResourceId other) => _hash == other._hash && string.Equals(_value, other._value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override int GetHashCode() => _hash;

    /// <summary>The id exactly as it was given.</summary>
    public override string ToString() => _value ?? string.Empty;
}
