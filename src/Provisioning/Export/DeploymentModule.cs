namespace Provisioning.Export;

/// <summary>
/// One part of a registration's mappings deployed as its own template: a Bicep module
/// (<c>modules/{Name}.bicep</c>) or an ARM nested deployment named <see cref="Name"/>.
/// </summary>
public sealed record DeploymentModule(string Name, ExportRegistration Registration, IReadOnlyList<ExportMapping> Mappings)
{
    /// <summary>The Bicep file of the module, relative to the main file.</summary>
    public string BicepPath => $"modules/{Name}.bicep";
}
