using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NJsonSchema;
using NJsonSchema.Validation;
using YamlDotNet.Serialization;

namespace Provisioning.Cli.Tests;

/// <summary><c>provision schema stack|plan</c>: the schemas of schema/, built into the tool, and the stack schema made for one project.</summary>
public sealed class SchemaCommandTests
{
    private const string GoodStack = """
        config:
          tenant-registrations:cloud: AzureCloud
          tenant-registrations:registrations:
            west: { subscriptionId: 6513270e-269e-4d37-b2a7-4de452e6b438, name: azurestack-d23f0824-128b-4f33-8c5c-7fd0a6a3a450 }
          tenant-registrations:tenants:
            contoso: { tenantId: 6b0d549b-6f03-475a-9600-a35a099950d8, subscriptionId: 8d116ece-1738-47d9-bd9c-172411e20b8f, registrations: [west] }
        """;

    private readonly InMemoryProviderFactory _providers = new();

    [Theory]
    [InlineData("stack", "stack.schema.json")]
    [InlineData("plan", "plan-output.schema.json")]
    public async Task Schema_prints_the_schema_shipped_in_the_schema_folder(string kind, string file)
    {
        var (code, output, _) = await CliHarness.RunAsync(_providers, "schema", kind);

        Assert.Equal(0, code);
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(Schemas.Root, "schema", file)), output);
    }

    [Fact]
    public async Task The_project_stack_schema_spells_out_the_projects_config_keys_for_editors()
    {
        var (code, output, _) = await CliHarness.RunAsync(_providers, "schema", "stack", "--project", "tenant-registrations");

        Assert.Equal(0, code);
        var config = JsonNode.Parse(output)!["properties"]!["config"]!;
        Assert.Equal(
            ["tenant-registrations:cloud", "tenant-registrations:registrations", "tenant-registrations:tenants", "tenant-registrations:tokenScope"],
            config["properties"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal("#/definitions/tenant", (string?)config["properties"]!["tenant-registrations:tenants"]!["additionalProperties"]!["$ref"]);
        Assert.Contains("tenant-registrations:tenants", (string?)config["propertyNames"]!["patternErrorMessage"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_printed_project_schema_accepts_a_good_stack_file_and_rejects_a_bad_one()
    {
        var (_, output, _) = await CliHarness.RunAsync(_providers, "schema", "stack", "--project", "tenant-registrations");
        var schema = await JsonSchema.FromJsonAsync(output);

        var good = schema.Validate(YamlToJson(GoodStack));
        var local = schema.Validate(YamlToJson(await File.ReadAllTextAsync(Path.Combine(Schemas.Root, "Pulumi.local.yaml"))));
        var bad = schema.Validate(YamlToJson(GoodStack.Replace("tenantId: 6b0d549b-", "tenantId: 6b0d549b_", StringComparison.Ordinal)));

        Assert.Empty(good);
        Assert.Empty(local);
        Assert.Contains(Flatten(bad), e => e.Kind == ValidationErrorKind.PatternMismatch && e.Path == "#/config.tenant-registrations:tenants.contoso.tenantId");
    }

    [Theory]
    [InlineData("tenant-registrations:cloud", true)]
    [InlineData("azure-native:location", true)]
    [InlineData("cloud", false)]
    [InlineData(":cloud", false)]
    public async Task The_stack_schema_requires_a_namespace_on_every_config_key(string key, bool valid)
    {
        var (_, output, _) = await CliHarness.RunAsync(_providers, "schema", "stack");

        // NJsonSchema does not check propertyNames (editors do): the pattern itself is checked here.
        var pattern = (string)JsonNode.Parse(output)!["properties"]!["config"]!["propertyNames"]!["pattern"]!;

        Assert.Equal(valid, Regex.IsMatch(key, pattern));
    }

    [Fact]
    public async Task Every_pattern_of_the_stack_schema_says_in_words_what_it_expects()
    {
        var (_, output, _) = await CliHarness.RunAsync(_providers, "schema", "stack");

        var patterns = Descendants(JsonNode.Parse(output)!).OfType<JsonObject>().Where(o => o.ContainsKey("pattern")).ToList();

        Assert.NotEmpty(patterns);
        Assert.All(patterns, p => Assert.False(string.IsNullOrWhiteSpace((string?)p["patternErrorMessage"]), p.ToJsonString()));
    }

    [Theory]
    [InlineData("bad name")]
    [InlineData("tenant:registrations")]
    public async Task A_project_name_that_Pulumi_yaml_would_refuse_exits_2(string project)
    {
        var (code, output, error) = await CliHarness.RunAsync(_providers, "schema", "stack", "--project", project);

        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains("is not a project name", error, StringComparison.Ordinal);
    }

    private static IEnumerable<ValidationError> Flatten(IEnumerable<ValidationError> errors) =>
        errors.SelectMany(e => e is ChildSchemaValidationError child ? Flatten(child.Errors.SelectMany(c => c.Value)).Prepend(e) : [e]);

    private static IEnumerable<JsonNode> Descendants(JsonNode node) =>
        node switch
        {
            JsonObject o => o.Select(p => p.Value).OfType<JsonNode>().SelectMany(Descendants).Prepend(node),
            JsonArray a => a.OfType<JsonNode>().SelectMany(Descendants).Prepend(node),
            _ => [node],
        };

    private static string YamlToJson(string yaml) =>
        JsonSerializer.Serialize(new DeserializerBuilder().WithAttemptingUnquotedStringTypeDeserialization().Build().Deserialize<object>(yaml));
}
