namespace Provisioning.Testing;

/// <summary>A resource a program registered, as <see cref="IMocks.NewResourceAsync(MockResourceArgs)"/> sees it (Pulumi's <c>MockResourceArgs</c>).</summary>
/// <param name="Type">The resource type, e.g. <c>azure-native:azurestack:CustomerSubscription</c>.</param>
/// <param name="Name">The resource's name as the engine keeps it (for a mapping: <c>stamp-tenant</c>).</param>
/// <param name="Urn">The resource's URN.</param>
/// <param name="Id">The ARM id the engine computed; null for a component.</param>
/// <param name="Inputs">The inputs the program gave, by their SDK names.</param>
/// <param name="Parent">The parent's URN, if any.</param>
/// <param name="Custom">True for a custom resource (an ARM resource), false for a component.</param>
public sealed record MockResourceArgs(
    string Type,
    string Name,
    string Urn,
    string? Id,
    IReadOnlyDictionary<string, string> Inputs,
    string? Parent,
    bool Custom);
