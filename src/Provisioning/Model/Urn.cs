namespace Provisioning.Model;

/// <summary>
/// A Pulumi-style resource name, unique in a stack:
/// <c>urn:pulumi:{stack}::{project}::{parentType$}{type}::{name}</c>. Compared ordinally.
/// </summary>
public sealed record Urn
{
    private const string Prefix = "urn:pulumi:";
    private const string Separator = "::";

    private Urn(string value, string stack, string project, string qualifiedType, string name)
    {
        Value = value;
        Stack = stack;
        Project = project;
        QualifiedType = qualifiedType;
        Name = name;
    }

    /// <summary>The full URN text.</summary>
    public string Value { get; }

    /// <summary>The stack name.</summary>
    public string Stack { get; }

    /// <summary>The project name.</summary>
    public string Project { get; }

    /// <summary>The type, prefixed by the parent types joined with <c>$</c>.</summary>
    public string QualifiedType { get; }

    /// <summary>The resource type (the last part of <see cref="QualifiedType"/>).</summary>
    public string Type => QualifiedType[(QualifiedType.LastIndexOf('$') + 1)..];

    /// <summary>The resource's logical name.</summary>
    public string Name { get; }

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
        var qualified = parent is null ? type : $"{parent.QualifiedType}${type}";
        return new Urn($"{Prefix}{stack}::{project}::{qualified}::{name}", stack, project, qualified, name);
    }

    /// <summary>Parses a URN, throwing <see cref="FormatException"/> when it is malformed.</summary>
    public static Urn Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!value.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw new FormatException($"'{value}' is not a URN: it must start with '{Prefix}'.");
        }

        var parts = value[Prefix.Length..].Split(Separator, 4);
        if (parts.Length != 4 || parts.Any(string.IsNullOrEmpty))
        {
            throw new FormatException($"'{value}' is not a URN: expected 'urn:pulumi:stack::project::type::name'.");
        }

        return new Urn(value, parts[0], parts[1], parts[2], parts[3]);
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
