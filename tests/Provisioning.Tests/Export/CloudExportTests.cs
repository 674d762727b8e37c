using System.Text.RegularExpressions;
using Provisioning.Config;
using Provisioning.Export;
using YamlDotNet.RepresentationModel;

namespace Provisioning.Tests.Export;

public sealed partial class CloudExportTests
{
    public static TheoryData<string> Clouds => ["public", "china", "usgov", "custom"];

    [Theory]
    [MemberData(nameof(Clouds))]
    public void The_terraform_export_of_each_cloud_matches_its_golden_file(string cloud)
    {
        var file = Exporters.Export(Stack(cloud), ExportFormat.Terraform).Single();

        Golden.AssertMatches($"cloud-{cloud}.main.tf", file.Content);
    }

    [Theory]
    [MemberData(nameof(Clouds))]
    public void The_pulumi_yaml_export_of_each_cloud_matches_its_golden_file(string cloud)
    {
        var file = Exporters.Export(Stack(cloud), ExportFormat.PulumiYaml).Single();

        Golden.AssertMatches($"cloud-{cloud}.Pulumi.yaml", file.Content);
    }

    [Theory]
    [InlineData("public", "public")]
    [InlineData("china", "china")]
    [InlineData("usgov", "usgovernment")]
    public void A_named_cloud_sets_the_azapi_environment_and_nothing_else(string cloud, string environment)
    {
        var hcl = Exporters.Export(Stack(cloud), ExportFormat.Terraform).Single().Content;

        Assert.Contains($"provider \"azapi\" {{\n  environment = \"{environment}\"\n}}\n", hcl, StringComparison.Ordinal);
        Assert.Single(EnvironmentArgument().Matches(hcl));
        Assert.DoesNotContain("endpoint", hcl, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("public", "environment", "public")]
    [InlineData("china", "environment", "china")]
    [InlineData("usgov", "environment", "usgovernment")]
    [InlineData("custom", "metadataHost", "management.stamp.contoso.com:30024")]
    public void Every_azure_native_provider_names_the_cloud_and_every_mapping_uses_a_declared_provider(string cloud, string key, string value)
    {
        var resources = Resources(Exporters.Export(Stack(cloud), ExportFormat.PulumiYaml).Single().Content);

        var providers = resources.Where(r => Scalar(r.Value, "type") == PulumiYamlExporter.ProviderType).ToList();
        Assert.Equal(2, providers.Count);
        Assert.All(providers, p => Assert.Equal(value, Scalar(Properties(p.Value), key)));
        var providerNames = providers.Select(p => $"${{{p.Key}}}").ToHashSet(StringComparer.Ordinal);
        var mappings = resources.Where(r => Scalar(r.Value, "type") == "azure-native:azurestack:CustomerSubscription").ToList();
        Assert.Equal(3, mappings.Count);
        Assert.All(mappings, m => Assert.Contains(Scalar((YamlMappingNode)m.Value.Children[new YamlScalarNode("options")], "provider") ?? "", providerNames));
    }

    [Fact]
    public void A_custom_endpoint_sets_the_azapi_endpoint_and_the_audience_of_its_token_scope()
    {
        var hcl = Exporters.Export(Stack("custom"), ExportFormat.Terraform).Single().Content;

        Assert.Contains("""
              endpoint = [{
                resource_manager_endpoint = "https://management.stamp.contoso.com:30024/"
                resource_manager_audience = "https://management.adfs.stamp.contoso.com/5f8a1e0c-2d3b-4c5d-8e9f-0a1b2c3d4e5f"
              }]
            """, hcl, StringComparison.Ordinal);
        Assert.DoesNotMatch(EnvironmentArgument(), hcl);
        Assert.Contains("# Cloud: the custom ARM endpoint https://management.stamp.contoso.com:30024/.", hcl, StringComparison.Ordinal);
    }

    [Fact]
    public void The_local_stack_keeps_a_provider_that_names_no_cloud()
    {
        var stack = ExportStacks.InCloud(CloudSpec.Local, "local");

        var hcl = Exporters.Export(stack, ExportFormat.Terraform).Single().Content;
        var yaml = Exporters.Export(stack, ExportFormat.PulumiYaml).Single().Content;

        Assert.Contains("provider \"azapi\" {}\n", hcl, StringComparison.Ordinal);
        Assert.DoesNotContain("# Cloud:", hcl, StringComparison.Ordinal);
        Assert.DoesNotContain("environment", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("metadataHost", yaml, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://management.chinacloudapi.cn/", "https://management.chinacloudapi.cn/.default", ExportCloudKind.China)]
    [InlineData("https://MANAGEMENT.usgovcloudapi.net", "https://management.usgovcloudapi.net/.default", ExportCloudKind.UsGovernment)]
    [InlineData("https://management.azure.com/", "https://management.azure.com/.default", ExportCloudKind.Public)]
    [InlineData("https://management.chinacloudapi.cn/", "https://other.example/.default", ExportCloudKind.Custom)]
    [InlineData("https://management.chinacloudapi.cn:8443/", "https://management.chinacloudapi.cn/.default", ExportCloudKind.Custom)]
    public void A_custom_endpoint_is_a_named_cloud_only_when_endpoint_and_scope_are_that_clouds(string endpoint, string scope, ExportCloudKind kind)
    {
        var cloud = ExportCloud.From(new CloudSpec(endpoint, new Uri(endpoint), scope));

        Assert.Equal(kind, cloud.Kind);
    }

    [Theory]
    [InlineData("https://management.core.windows.net//.default", "https://management.core.windows.net/")]
    [InlineData("https://stack.example/app", "https://stack.example/app")]
    public void The_audience_is_the_token_scope_without_its_default_suffix(string scope, string audience)
    {
        var cloud = ExportCloud.From(new CloudSpec("https://stack.example/", new Uri("https://stack.example/"), scope));

        Assert.Equal(audience, cloud.Audience);
    }

    [Fact]
    public void An_audience_with_quotes_or_template_markers_stays_one_hcl_string()
    {
        var stack = ExportStacks.InCloud(new CloudSpec("https://stack.example/", new Uri("https://stack.example/"), "https://a\"b/${c}/%{d}"), "odd");

        var hcl = Exporters.Export(stack, ExportFormat.Terraform).Single().Content;

        Assert.Contains("resource_manager_audience = \"https://a\\\"b/$${c}/%%{d}\"\n", hcl, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ExportFormat.Bicep)]
    [InlineData(ExportFormat.Arm)]
    public void Bicep_and_arm_exports_are_the_same_in_every_cloud(ExportFormat format)
    {
        var local = Exporters.Export(ExportStacks.InCloud(CloudSpec.Local, "s"), format);

        foreach (var cloud in Clouds)
        {
            Assert.Equal(local, Exporters.Export(ExportStacks.InCloud(Stack(cloud).Cloud, "s"), format));
        }
    }

    private static StackDefinition Stack(string cloud) => cloud switch
    {
        "public" => ExportStacks.InCloud(CloudSpec.AzureCloud, "prod"),
        "china" => ExportStacks.InCloud(CloudSpec.AzureChinaCloud, "china"),
        "usgov" => ExportStacks.InCloud(CloudSpec.AzureUSGovernment, "usgov"),
        "custom" => ExportStacks.InCloud(ExportStacks.CustomCloud, "hub"),
        _ => throw new ArgumentOutOfRangeException(nameof(cloud), cloud, null),
    };

    private static List<KeyValuePair<string, YamlMappingNode>> Resources(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var root = (YamlMappingNode)stream.Documents.Single().RootNode;
        return [.. ((YamlMappingNode)root.Children[new YamlScalarNode("resources")]).Children
            .Select(r => new KeyValuePair<string, YamlMappingNode>(((YamlScalarNode)r.Key).Value!, (YamlMappingNode)r.Value))];
    }

    private static YamlMappingNode Properties(YamlMappingNode resource) => (YamlMappingNode)resource.Children[new YamlScalarNode("properties")];

    private static string? Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node.Children[new YamlScalarNode(key)]).Value;

    [GeneratedRegex("^\\s*environment\\s*=", RegexOptions.Multiline)]
    private static partial Regex EnvironmentArgument();
}
