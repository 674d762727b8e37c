namespace Provisioning.Sdk;

/// <summary>Marks a public property of a <see cref="Stack"/> as a stack output, named after the property unless a name is given.</summary>
/// <param name="name">The output's name; default: the property's name.</param>
[AttributeUsage(AttributeTargets.Property, Inherited = true, AllowMultiple = false)]
public sealed class OutputAttribute(string? name = null) : Attribute
{
    /// <summary>The output's name, or null for the property's name.</summary>
    public string? Name { get; } = name;
}
