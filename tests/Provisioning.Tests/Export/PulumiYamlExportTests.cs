using Provisioning.Export;
using YamlDotNet.RepresentationModel;

namespace Provisioning.Tests.Export;

public sealed class PulumiYamlExportTests
{
    private static readonly string[] Inputs = ["customerSubscriptionName", "registrationName", "resourceGroup", "tenantId"];

    private readonly ExportedFile _file = Exporters.Export(ExportStacks.MultiStamp, ExportFormat.PulumiYaml).Single();

    [Fact]
    public void The_multi_stamp_export_matches_its_golden_file()
    {
        Assert.Equal("Pulumi.yaml", _file.RelativePath);
        Golden.AssertMatches("multi-stamp.Pulumi.yaml", _file.Content);
    }

    [Fact]
    public void The_program_parses_and_every_customer_subscription_has_the_four_inputs()
    {
        var root = Parse(_file.Content);

        Assert.Equal("yaml", Scalar(root, "runtime"));
        Assert.Equal("tenant-registrations", Scalar(root, "name"));
        var resources = (YamlMappingNode)root.Children[new YamlScalarNode("resources")];
        var mappings = resources.Children
            .Where(r => Scalar((YamlMappingNode)r.Value, "type") == "azure-native:azurestack:CustomerSubscription")
            .ToList();
        Assert.Equal(ExportStacks.MultiStampMappings, mappings.Count);
        foreach (var (name, node) in mappings)
        {
            var properties = (YamlMappingNode)((YamlMappingNode)node).Children[new YamlScalarNode("properties")];
            Assert.Equal(Inputs, properties.Children.Keys.Select(k => ((YamlScalarNode)k).Value).Order(StringComparer.Ordinal));
            Assert.All(properties.Children.Values, v => Assert.False(string.IsNullOrEmpty(((YamlScalarNode)v).Value), $"{name}: an empty input"));
        }

        var fabrikamEast = (YamlMappingNode)resources.Children[new YamlScalarNode("east_fabrikam")];
        var inputs = (YamlMappingNode)fabrikamEast.Children[new YamlScalarNode("properties")];
        Assert.Equal("0fd630f1-f29d-4da9-953f-48f1a09f76b5", Scalar(inputs, "customerSubscriptionName"));
        Assert.Equal("azurestack-9531985d-5d9d-49f8-9818-e811892f902b", Scalar(inputs, "registrationName"));
    }

    [Fact]
    public void The_program_notes_the_api_version_azure_native_uses()
    {
        Assert.Contains("azure-native v2 and v3", _file.Content, StringComparison.Ordinal);
        Assert.Contains("2022-06-01", _file.Content, StringComparison.Ordinal);
    }

    private static YamlMappingNode Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    private static string? Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node.Children[new YamlScalarNode(key)]).Value;
}
