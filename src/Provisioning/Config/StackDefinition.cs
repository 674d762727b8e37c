using Provisioning.AzureStack;

namespace Provisioning.Config;

/// <summary>
/// One stack, validated: the project and stack names, the cloud, the registrations (stamps)
/// and the tenants with their mappings. Made only by <see cref="StackLoader"/> or by tests.
/// </summary>
public sealed record StackDefinition(
    string Project,
    string Stack,
    CloudSpec Cloud,
    IReadOnlyList<Registration> Registrations,
    IReadOnlyList<Tenant> Tenants,
    string? BackendUrl = null)
{
    /// <summary>
    /// The folder a <c>file://</c> backend names, where the local state store keeps this project's stacks
    /// (<c>{StateDirectory}/stacks/{project}/{stack}.json</c>); absolute when loaded from a folder, as written
    /// (relative to the project folder) when parsed from text; null for the default (<c>.provision/</c> beside
    /// <c>Pulumi.yaml</c>) and for <c>azblob://</c>.
    /// </summary>
    public string? StateDirectory { get; init; }

    /// <summary>Finds a registration by its key (case-sensitive, as YAML keys are).</summary>
    public Registration? FindRegistration(string key) => Registrations.FirstOrDefault(r => r.Key == key);

    /// <summary>
    /// The resources the stack declares: one <c>TenantRegistration</c> component per registration with its mappings
    /// (<see cref="TenantRegistration.Expand(string, string, IReadOnlyList{Registration}, IReadOnlyList{Tenant})"/>).
    /// </summary>
    public Model.ResourceGraph Expand() => TenantRegistration.Expand(Project, Stack, Registrations, Tenants);

    /// <summary>What the stack may ever write or delete: mappings under the registrations it declares.</summary>
    public StackScope Scope => new(Registrations.Select(r => r.Id));
}
