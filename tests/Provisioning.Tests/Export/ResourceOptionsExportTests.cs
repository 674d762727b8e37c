using Provisioning.Export;

namespace Provisioning.Tests.Export;

public sealed class ResourceOptionsExportTests
{
    private static readonly Provisioning.Config.StackDefinition Protected = ExportStacks.MultiStamp with
    {
        Tenants = [ExportStacks.MultiStamp.Tenants[0] with { Protect = true, RetainOnDelete = true }],
    };

    [Fact]
    public void A_protected_tenant_is_protected_in_Pulumi_and_kept_from_destroy_in_Terraform()
    {
        var yaml = Exporters.Export(Protected, ExportFormat.PulumiYaml).Single().Content;
        var hcl = Exporters.Export(Protected, ExportFormat.Terraform).Single().Content;

        Assert.Equal(3, Count(yaml, "      protect: true\n"));
        Assert.Equal(3, Count(yaml, "      retainOnDelete: true\n"));
        Assert.Equal(3, Count(hcl, "prevent_destroy = true"));
    }

    [Fact]
    public void Exports_are_byte_for_byte_stable()
    {
        foreach (var format in Enum.GetValues<ExportFormat>())
        {
            Assert.Equal(Exporters.Export(ExportStacks.MultiStamp, format), Exporters.Export(ExportStacks.MultiStamp, format));
        }
    }

    private static int Count(string text, string value) => (text.Length - text.Replace(value, "", StringComparison.Ordinal).Length) / value.Length;
}
