using System.Text.Json;
using Provisioning.Cli.Rendering;
using Provisioning.Cli.Rendering.Json;

namespace Provisioning.Cli.Tests;

public sealed class JsonOutputTests : IDisposable
{
    private readonly ProjectFolder _folder = new();
    private readonly InMemoryProviderFactory _providers = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Preview_json_prints_one_document_that_matches_its_schema_and_nothing_else_on_stdout()
    {
        var (code, output, error) = await CliHarness.RunAsync(_providers, "preview", "-s", "dev", "-C", _folder.Path, "--json");

        Assert.True(code == 0, error);
        Assert.Empty(await Schemas.ValidateAsync("plan-output.schema.json", output));
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.Equal("1.3", root.GetProperty("format_version").GetString());
        Assert.Equal("preview", root.GetProperty("operation").GetString());
        var changes = root.GetProperty("resource_changes").EnumerateArray().ToList();
        Assert.Equal(5, changes.Count);
        var first = changes[0];
        Assert.Equal("urn:pulumi:dev::tenant-registrations::provisioning:azurestack:TenantRegistration$azure-native:azurestack:CustomerSubscription::west-contoso", first.GetProperty("address").GetString());
        Assert.Equal(ProjectFolder.West + "/customerSubscriptions/8d116ece-1738-47d9-bd9c-172411e20b8f", first.GetProperty("id").GetString());
        Assert.Equal(["create"], first.GetProperty("change").GetProperty("actions").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(JsonValueKind.Null, first.GetProperty("change").GetProperty("before").ValueKind);
        Assert.Equal("6b0d549b-6f03-475a-9600-a35a099950d8", first.GetProperty("change").GetProperty("after").GetProperty("tenantId").GetString());
        Assert.Equal(5, root.GetProperty("summary").GetProperty("create").GetInt32());
        Assert.False(root.TryGetProperty("outcome", out _));
        Assert.False(root.TryGetProperty("outputs", out _), "a YAML stack has no outputs");
        Assert.Contains("west-contoso", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Up_json_carries_every_step_outcome_and_matches_the_schema()
    {
        var (code, output, error) = await CliHarness.RunAsync(_providers, "up", "-s", "dev", "-C", _folder.Path, "--json", "--yes");

        Assert.True(code == 0, error);
        Assert.Empty(await Schemas.ValidateAsync("plan-output.schema.json", output));
        using var doc = JsonDocument.Parse(output);
        Assert.All(doc.RootElement.GetProperty("resource_changes").EnumerateArray(), c => Assert.Equal("succeeded", c.GetProperty("outcome").GetProperty("status").GetString()));
        Assert.Equal(5, doc.RootElement.GetProperty("outcome").GetProperty("succeeded").GetInt32());
        Assert.Contains("created", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Up_json_without_yes_is_refused_with_an_errored_document()
    {
        var (code, output, error) = await CliHarness.RunAsync(_providers, "up", "-s", "dev", "-C", _folder.Path, "--json");

        Assert.Equal(2, code);
        Assert.Empty(await Schemas.ValidateAsync("plan-output.schema.json", output));
        using var doc = JsonDocument.Parse(output);
        Assert.Equal("errored", doc.RootElement.GetProperty("status").GetString());
        Assert.Equal("PRV164", Assert.Single(doc.RootElement.GetProperty("diagnostics").EnumerateArray()).GetProperty("code").GetString());
        Assert.Contains("--yes", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Destroy_json_lists_deletes_with_no_after_and_matches_the_schema()
    {
        _folder.WriteStack("dev", ProjectFolder.DevStack.Replace("protect: true", "protect: false", StringComparison.Ordinal));
        Assert.Equal(0, (await CliHarness.RunAsync(_providers, "up", "-s", "dev", "-C", _folder.Path, "--yes")).Code);

        var (code, output, error) = await CliHarness.RunAsync(_providers, "destroy", "-s", "dev", "-C", _folder.Path, "--json", "--yes");

        Assert.True(code == 0, error);
        Assert.Empty(await Schemas.ValidateAsync("plan-output.schema.json", output));
        using var doc = JsonDocument.Parse(output);
        Assert.All(doc.RootElement.GetProperty("resource_changes").EnumerateArray(), c =>
        {
            Assert.Equal("delete", c.GetProperty("change").GetProperty("actions")[0].GetString());
            Assert.Equal(JsonValueKind.Null, c.GetProperty("change").GetProperty("after").ValueKind);
        });
    }

    [Fact]
    public async Task The_schema_rejects_a_document_of_the_wrong_shape()
    {
        var errors = await Schemas.ValidateAsync("plan-output.schema.json", """{"format_version":"1.0","resource_changes":[{"address":"x"}]}""");

        Assert.NotEmpty(errors);
    }

    [Fact]
    public async Task A_programs_outputs_are_an_object_by_name_where_a_secret_has_no_value_and_it_matches_the_schema()
    {
        using var urn = JsonDocument.Parse("\"urn:pulumi:dev::p::t::west\"");
        using var count = JsonDocument.Parse("3");
        var plan = Planning.Planner.Plan(new Model.ResourceGraph("p", "dev", []), [], null);
        Programs.ProgramOutput[] outputs = [new("registration", false, urn.RootElement), new("stamps", false, count.RootElement), new("nothing", false), new("adminPassword", true)];

        var json = PlanJson.Serialize(PlanJson.Build("preview", "p", "dev", plan, [], outputs: outputs));

        Assert.Empty(await Schemas.ValidateAsync("plan-output.schema.json", json));
        using var doc = JsonDocument.Parse(json);
        var byName = doc.RootElement.GetProperty("outputs");
        Assert.Equal(["registration", "stamps", "nothing", "adminPassword"], byName.EnumerateObject().Select(p => p.Name));
        Assert.Equal("urn:pulumi:dev::p::t::west", byName.GetProperty("registration").GetProperty("value").GetString());
        Assert.Equal(3, byName.GetProperty("stamps").GetProperty("value").GetInt32());
        Assert.Equal(JsonValueKind.Null, byName.GetProperty("nothing").GetProperty("value").ValueKind);
        Assert.True(byName.GetProperty("adminPassword").GetProperty("secret").GetBoolean());
        Assert.False(byName.GetProperty("adminPassword").TryGetProperty("value", out _));
    }

    [Fact]
    public async Task The_schema_rejects_a_secret_output_that_carries_a_value()
    {
        var json = PlanJson.Serialize(PlanJson.Build("preview", "p", "dev", Planning.Planner.Plan(new Model.ResourceGraph("p", "dev", []), [], null), []))
            .TrimEnd().TrimEnd('}') + """, "outputs": { "adminPassword": { "secret": true, "value": "clear" } } }""";

        Assert.NotEmpty(await Schemas.ValidateAsync("plan-output.schema.json", json));
    }

    [Fact]
    public void An_output_is_shown_as_readable_compact_json_with_invisible_characters_escaped_and_a_secret_as_a_marker()
    {
        using var value = JsonDocument.Parse("""{ "name": "Zoë\u202e\u001b[31m", "stamps": [1, 2] }""");

        Assert.Equal("""{"name":"Zoë\u202E\u001B[31m","stamps":[1,2]}""", OutputsRenderer.Text(new("o", false, value.RootElement)));
        Assert.Equal("null", OutputsRenderer.Text(new("o", false)));
        Assert.Equal("[secret]", OutputsRenderer.Text(new("o", true)));
    }
}
