using System.Text.RegularExpressions;
using Provisioning.Export;

namespace Provisioning.Tests.Export;

public sealed partial class TerraformExportTests
{
    private readonly ExportedFile _file = Exporters.Export(ExportStacks.MultiStamp, ExportFormat.Terraform).Single();

    [Fact]
    public void The_multi_stamp_export_matches_its_golden_file()
    {
        Assert.Equal("main.tf", _file.RelativePath);
        Golden.AssertMatches("multi-stamp.main.tf", _file.Content);
    }

    [Fact]
    public void The_HCL_has_balanced_blocks_and_one_import_per_mapping()
    {
        var depth = 0;
        foreach (var c in StringLiteral().Replace(_file.Content, "\"\""))
        {
            depth += c switch { '{' => 1, '}' => -1, _ => 0 };
            Assert.True(depth >= 0, "a '}' closes nothing");
        }

        Assert.Equal(0, depth);
        var resources = ResourceBlock().Matches(_file.Content).Select(m => m.Groups[1].Value).ToList();
        var imports = ImportTarget().Matches(_file.Content).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(ExportStacks.MultiStampMappings, resources.Count);
        Assert.Equal(resources.Count, resources.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(resources, imports);
    }

    [Fact]
    public void Each_mapping_names_its_type_parent_body_and_import_id()
    {
        Assert.Contains("""
            resource "azapi_resource" "east_fabrikam" {
              type      = "Microsoft.AzureStack/registrations/customerSubscriptions@2017-06-01"
              name      = "0fd630f1-f29d-4da9-953f-48f1a09f76b5"
              parent_id = "/subscriptions/6513270e-269e-4d37-b2a7-4de452e6b438/resourceGroups/azurestack/providers/Microsoft.AzureStack/registrations/azurestack-9531985d-5d9d-49f8-9818-e811892f902b"
              body = {
                properties = {
                  tenantId = "90c192cf-d3ac-44af-8f21-ddb66cad4a26"
                }
              }
            }

            import {
              to = azapi_resource.east_fabrikam
              id = "/subscriptions/6513270e-269e-4d37-b2a7-4de452e6b438/resourceGroups/azurestack/providers/Microsoft.AzureStack/registrations/azurestack-9531985d-5d9d-49f8-9818-e811892f902b/customerSubscriptions/0fd630f1-f29d-4da9-953f-48f1a09f76b5?api-version=2017-06-01"
            }
            """, _file.Content, StringComparison.Ordinal);
        Assert.Contains("source  = \"Azure/azapi\"", _file.Content, StringComparison.Ordinal);
    }

    [GeneratedRegex("\"(?:[^\"\\\\]|\\\\.)*\"")]
    private static partial Regex StringLiteral();

    [GeneratedRegex("^resource \"azapi_resource\" \"([A-Za-z_][A-Za-z0-9_-]*)\" \\{$", RegexOptions.Multiline)]
    private static partial Regex ResourceBlock();

    [GeneratedRegex("^import \\{\\n  to = azapi_resource\\.([A-Za-z0-9_-]+)\\n", RegexOptions.Multiline)]
    private static partial Regex ImportTarget();
}
