using Provisioning.Config;

namespace Provisioning.Export;

/// <summary>The entry point of exporting: picks the exporter of a format and runs it on a stack.</summary>
public static class Exporters
{
    /// <summary>The exporter that writes <paramref name="format"/>.</summary>
    public static IExporter For(ExportFormat format) => format switch
    {
        ExportFormat.Bicep => new BicepExporter(),
        ExportFormat.Arm => new ArmTemplateExporter(),
        ExportFormat.PulumiYaml => new PulumiYamlExporter(),
        ExportFormat.Terraform => new TerraformExporter(),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown export format."),
    };

    /// <summary>Exports <paramref name="stack"/> as <paramref name="format"/>; pure, no I/O.</summary>
    public static IReadOnlyList<ExportedFile> Export(StackDefinition stack, ExportFormat format) =>
        For(format).Export(ExportModel.From(stack));
}
