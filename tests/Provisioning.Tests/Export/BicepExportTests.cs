using System.Text.Json.Nodes;
using Provisioning.Export;

namespace Provisioning.Tests.Export;

public sealed class BicepExportTests
{
    [Fact]
    public async Task The_multi_stamp_export_compiles_without_errors_or_warnings_to_our_ARM_export()
    {
        var bicep = Exporters.Export(ExportStacks.MultiStamp, ExportFormat.Bicep);
        var arm = Exporters.Export(ExportStacks.MultiStamp, ExportFormat.Arm);

        Assert.Equal(["main.bicep"], bicep.Select(f => f.RelativePath));
        await AssertCompilesToAsync(bicep, arm, "main");
    }

    [Fact]
    public async Task A_2000_mapping_registration_is_split_into_modules_of_at_most_800_that_compile_to_our_ARM_export()
    {
        var stack = ExportStacks.Large(2000);

        var bicep = Exporters.Export(stack, ExportFormat.Bicep);
        var arm = Exporters.Export(stack, ExportFormat.Arm);

        Assert.Equal(["main.bicep", "modules/big-part1.bicep", "modules/big-part2.bicep", "modules/big-part3.bicep"], bicep.Select(f => f.RelativePath));
        var perModule = bicep.Skip(1).Select(f => Count(f.Content, "'Microsoft.AzureStack/registrations/customerSubscriptions@2017-06-01' =")).ToList();
        // 799 mappings + the existing registration = 800 declared resources, the most Bicep's max-resources rule allows.
        Assert.Equal([799, 799, 402], perModule);
        Assert.DoesNotContain("customerSubscriptions@", bicep[0].Content, StringComparison.Ordinal);
        var compiled = await AssertCompilesToAsync(bicep, arm, "main");
        var deployments = compiled["resources"]!.AsArray();
        Assert.Equal(3, deployments.Count);
        Assert.All(deployments, d => Assert.True(d!["properties"]!["template"]!["resources"]!.AsArray().Count <= DeploymentLayout.MaxResourcesPerTemplate));
    }

    [Fact]
    public async Task Registrations_in_different_resource_groups_get_one_deployment_each_and_compile()
    {
        var stack = ExportStacks.MultiStamp with
        {
            Registrations =
            [
                ExportStacks.Registration("west", "azurestack-west"),
                ExportStacks.Registration("east", "azurestack-east", "0a9e1b83-6a6e-4f53-9d6d-6bb5d3a8b3e1", "stamps-east"),
                ExportStacks.Registration("north", "azurestack-north", resourceGroup: "stamps-north"),
            ],
        };

        var bicep = Exporters.Export(stack, ExportFormat.Bicep);
        var arm = Exporters.Export(stack, ExportFormat.Arm);

        Assert.Equal(["azurestack.bicep", "stamps-east.bicep", "stamps-north.bicep"], bicep.Select(f => f.RelativePath));
        Assert.Contains("--subscription 0a9e1b83-6a6e-4f53-9d6d-6bb5d3a8b3e1 --resource-group stamps-east", bicep[1].Content, StringComparison.Ordinal);
        await AssertCompilesToAsync(bicep, arm, "stamps-east");
    }

    [Fact]
    public void Each_mapping_is_a_child_of_an_existing_registration()
    {
        var main = Exporters.Export(ExportStacks.MultiStamp, ExportFormat.Bicep)[0].Content;

        Assert.Contains("targetScope = 'resourceGroup'", main, StringComparison.Ordinal);
        Assert.Equal(3, Count(main, "'Microsoft.AzureStack/registrations@2017-06-01' existing = {"));
        Assert.Equal(ExportStacks.MultiStampMappings, Count(main, "'Microsoft.AzureStack/registrations/customerSubscriptions@2017-06-01' = {"));
        Assert.Contains("""
            resource east_fabrikam 'Microsoft.AzureStack/registrations/customerSubscriptions@2017-06-01' = {
              parent: east
              name: '0fd630f1-f29d-4da9-953f-48f1a09f76b5'
              properties: {
                tenantId: '90c192cf-d3ac-44af-8f21-ddb66cad4a26'
              }
            }
            """, main, StringComparison.Ordinal);
        Assert.Contains("resource east_adventure_works ", main, StringComparison.Ordinal);
    }

    private static async Task<JsonNode> AssertCompilesToAsync(IReadOnlyList<ExportedFile> bicep, IReadOnlyList<ExportedFile> arm, string stem)
    {
        using var folder = new ExportFolder(bicep);
        var (exitCode, compiled, diagnostics) = await BicepCompiler.BuildAsync(folder[$"{stem}.bicep"]);

        Assert.True(exitCode == 0, $"bicep build exited {exitCode}:\n{diagnostics}");
        Assert.True(diagnostics.Length == 0, $"bicep build reported:\n{diagnostics}");
        var ours = JsonNode.Parse(arm.Single(f => f.RelativePath == $"{stem}.json").Content)!;
        Assert.Equal(compiled!["$schema"]!.GetValue<string>(), ours["$schema"]!.GetValue<string>());
        var expected = ArmResources.Of(compiled);
        var actual = ArmResources.Of(ours);
        Assert.True(JsonNode.DeepEquals(expected, actual), $"Compiled:\n{expected}\n\nOur ARM export:\n{actual}");
        return compiled;
    }

    private static int Count(string text, string value) => (text.Length - text.Replace(value, "", StringComparison.Ordinal).Length) / value.Length;
}
