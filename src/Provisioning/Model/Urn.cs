namespace Provisioning.Model;

/// <summary>
/// A Pulumi-style resource name, unique in a stack:
/// <c>urn:pulumi:{stack}::{project}::{parentType$}{type}::{name}</c>. Compared ordinally.
/// </summary>
public sealed record Urn
{
    private const string Prefix = "urn:pulumi:";
    private const string Separator = "::";

    // One string and the positions of its parts: the parts are cut from it only when asked for.
    private readonly int _projectStart;
    private readonly int _typeStart;
    private readonly int _nameStart;

    private Urn(string value, int projectStart, int typeStart, int nameStart)
    {
        Value = value;
        _projectStart = projectStart;
        _typeStart = typeStart;
        _nameStart = nameStart;
    }

    /// <summary>The full URN text.</summary>
    public string Value { get; }

    /// <summary>The stack name.</summary>
    public string Stack => Value[Prefix.Length..(_projectStart - Separator.Length)];

    /// <summary>The project name.</summary>
    public string Project => Value[_projectStart..(_typeStart - Separator.Length)];

    /// <summary>The type, prefixed by the parent types joined with <c>$</c>.</summary>
    public string QualifiedType => Value[_typeStart..(_nameStart - Separator.Length)];

    /// <summary>The resource type (the last part of <see cref="QualifiedType"/>).</summary>
    public string Type
    {
        get
        {
            var qualified = Value.AsSpan(_typeStart, _nameStart - Separator.Length - _typeStart);
            return qualified[(qualified.LastIndexOf('$') + 1)..].ToString();
        }
    }

    /// <summary>The resource's logical name.</summary>
    public string Name => Value[_nameStart..];

    /// <summary>
    /// Makes the URN of a resource, optionally under a parent. Every part must be non-empty, and the
    /// stack, project and type must not contain <c>::</c>, so that <see cref="Parse"/> gives the same parts back.
    /// </summary>
    public static Urn Create(string stack, string project, string type, string name, Urn? parent = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(stack);
        ArgumentException.ThrowIfNullOrEmpty(project);
        ArgumentException.ThrowIfNullOrEmpty(type);
        ArgumentException.ThrowIfNullOrEmpty(name);
        RefuseSeparator(stack, nameof(stack));
        RefuseSeparator(project, nameof(project));
        RefuseSeparator(type, nameof(type));
        var value = parent is null
            ? string.Concat(Prefix, stack, Separator, project, Separator, type, Separator, name)
            : $"{Prefix}{stack}{Separator}{project}{Separator}{parent.Value.AsSpan(parent._typeStart, parent._nameStart - Separator.Length - parent._typeStart)}${type}{Separator}{name}";
        var projectStart = Prefix.Length + stack.Length + Separator.Length;
        var typeStart = projectStart + project.Length + Separator.Length;
        return new Urn(value, projectStart, typeStart, value.Length - name.Length);
    }

    /// <summary>The URN of a sibling: the same stack, project and (qualified) type, another name; made in one allocation.</summary>
    public Urn WithName(ReadOnlySpan<char> name)
    {
        if (name.IsEmpty)
        {
            throw new ArgumentException("A URN's name cannot be empty.", nameof(name));
        }

        return new Urn(string.Concat(Value.AsSpan(0, _nameStart), name), _projectStart, _typeStart, _nameStart);
    }

    /// <summary>Parses a URN, throwing <see cref="FormatException"/> when it is malformed.</summary>
    public static Urn Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!value.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw new FormatException($"'{value}' is not a URN: it must start with '{Prefix}'.");
        }

        // Stack, project and type never contain '::'; the name may.
        var rest = value.AsSpan(Prefix.Length);
        var stackLength = rest.IndexOf(Separator, StringComparison.Ordinal);
        var projectStart = Prefix.Length + stackLength + Separator.Length;
        var projectLength = stackLength <= 0 ? -1 : value.AsSpan(projectStart).IndexOf(Separator, StringComparison.Ordinal);
        var typeStart = projectStart + projectLength + Separator.Length;
        var typeLength = projectLength <= 0 ? -1 : value.AsSpan(typeStart).IndexOf(Separator, StringComparison.Ordinal);
        var nameStart = typeStart + typeLength + Separator.Length;
        if (typeLength <= 0 || nameStart >= value.Length)
        {
            throw new FormatException($"'{value}' is not a URN: expected 'urn:pulumi:stack::project::type::name'.");
        }

        return new Urn(value, projectStart, typeStart, nameStart);
    }

    private static void RefuseSeparator(string part, string paramName)
    {
        if (part.Contains(Separator, StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{part}' cannot be part of a URN: it contains '{Separator}'.", paramName);
        }
    }

    /// <summary>The URN text.</summary>
    public override string ToString() => Value;

    /// <summary>Ordinal equality on the URN text.</summary>
    public bool Equals(Urn? other) => other is not null && string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);
}
