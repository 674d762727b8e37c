namespace Provisioning.Export;

/// <summary>The files <c>provision export</c> can write a stack as.</summary>
public enum ExportFormat
{
    /// <summary>Bicep: one deployment per resource group, modules when a template would pass 800 resources.</summary>
    Bicep,

    /// <summary>ARM template JSON: what the Bicep export compiles to, nested deployments in place of modules.</summary>
    Arm,

    /// <summary>A Pulumi YAML program (<c>Pulumi.yaml</c>, <c>runtime: yaml</c>) using azure-native.</summary>
    PulumiYaml,

    /// <summary>Terraform with the azapi provider, plus <c>import</c> blocks that adopt existing mappings.</summary>
    Terraform,
}
