namespace Provisioning.Programs;

/// <summary>One resource a program registered.</summary>
/// <param name="Urn">Its URN as the program computed it.</param>
/// <param name="Type">Its type token (e.g. <c>azure-native:azurestack:CustomerSubscription</c>).</param>
/// <param name="Name">The logical name the program gave it.</param>
/// <param name="Custom">True for a custom resource (one the engine manages in the cloud), false for a component.</param>
/// <param name="Parent">The parent's URN, or null for a top-level resource.</param>
/// <param name="Inputs">Its inputs by name (see <see cref="ProgramInputNames"/>); an input the program left null is absent.</param>
/// <param name="Options">Its resource options.</param>
/// <param name="Source">Where the program declared it, when known.</param>
public sealed record ProgramResource(
    string Urn,
    string Type,
    string Name,
    bool Custom,
    string? Parent,
    IReadOnlyDictionary<string, string> Inputs,
    ProgramResourceOptions Options,
    ProgramSource? Source = null);
