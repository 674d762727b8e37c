using System.Text.Json;
using YamlDotNet.Serialization;

namespace Provisioning.Cli.Tests;

/// <summary>Every stack file shipped in the repository validates against schema/stack.schema.json and names it on its first line.</summary>
public sealed class StackSchemaTests
{
    public static TheoryData<string> StackFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Schemas.Root, "examples"), "Pulumi.*.yaml", SearchOption.AllDirectories)
            .Append(Path.Combine(Schemas.Root, "Pulumi.local.yaml")))
        {
            data.Add(Path.GetRelativePath(Schemas.Root, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(StackFiles))]
    public async Task Stack_files_validate_against_the_schema_they_reference(string relative)
    {
        var path = Path.Combine(Schemas.Root, relative);
        var lines = await File.ReadAllLinesAsync(path);

        var reference = lines[0];
        Assert.StartsWith("# yaml-language-server: $schema=", reference, StringComparison.Ordinal);
        var schemaPath = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, reference["# yaml-language-server: $schema=".Length..]));
        Assert.Equal(Path.Combine(Schemas.Root, "schema", "stack.schema.json"), schemaPath);
        Assert.Empty(await Schemas.ValidateAsync("stack.schema.json", YamlToJson(string.Join('\n', lines))));
    }

    [Theory]
    [InlineData("contoso: { tenantId: nope, subscriptionId: 8d116ece-1738-47d9-bd9c-172411e20b8f, registrations: [west] }")]
    [InlineData("contoso: { tenantId: 6b0d549b-6f03-475a-9600-a35a099950d8, subscriptionId: 8d116ece-1738-47d9-bd9c-172411e20b8f, registrations: [west], colour: blue }")]
    [InlineData("contoso: { tenantId: 6b0d549b-6f03-475a-9600-a35a099950d8, registrations: [west] }")]
    public async Task The_stack_schema_rejects_bad_tenants(string tenant)
    {
        var json = YamlToJson($"config:\n  p:tenants:\n    {tenant}\n");

        Assert.NotEmpty(await Schemas.ValidateAsync("stack.schema.json", json));
    }

    /// <summary>YAML to JSON through YamlDotNet; booleans stay booleans (the schema types protect/retainOnDelete).</summary>
    private static string YamlToJson(string yaml)
    {
        var value = new DeserializerBuilder().WithAttemptingUnquotedStringTypeDeserialization().Build().Deserialize<object>(yaml);
        return JsonSerializer.Serialize(value);
    }
}
