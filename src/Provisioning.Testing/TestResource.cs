namespace Provisioning.Testing;

/// <summary>A resource a program registered, after the mocks answered.</summary>
/// <param name="Urn">The URN.</param>
/// <param name="Id">The id the mocks returned (by default the ARM id); null for a component.</param>
/// <param name="Type">The resource type.</param>
/// <param name="Inputs">The inputs the program gave, by their SDK names.</param>
/// <param name="Parent">The parent's URN, if any.</param>
public sealed record TestResource(string Urn, string? Id, string Type, IReadOnlyDictionary<string, string> Inputs, string? Parent)
{
    /// <summary>The state the mocks returned.</summary>
    public object? State { get; init; }

    /// <summary>The name: the URN's last part.</summary>
    public string Name => Urn[(Urn.LastIndexOf("::", StringComparison.Ordinal) + 2)..];
}
