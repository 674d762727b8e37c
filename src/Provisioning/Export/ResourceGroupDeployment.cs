namespace Provisioning.Export;

/// <summary>
/// One resource-group deployment of the Bicep and ARM exports: every registration living in one
/// (subscription, resource group) pair. With no <see cref="Modules"/> the mappings sit in the main
/// template; otherwise the main template holds only the modules.
/// </summary>
public sealed record ResourceGroupDeployment(
    string FileStem,
    string SubscriptionId,
    string ResourceGroup,
    IReadOnlyList<ExportRegistration> Registrations,
    IReadOnlyList<DeploymentModule> Modules)
{
    /// <summary>True when the mappings are split into modules.</summary>
    public bool IsSplit => Modules.Count > 0;

    /// <summary>The Azure CLI command that deploys the given template file here.</summary>
    public string DeployCommand(string templateFile) =>
        $"az deployment group create --subscription {SubscriptionId} --resource-group {ResourceGroup} --template-file {templateFile}";
}
