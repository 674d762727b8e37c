using System.Text;
using System.Text.Json.Nodes;
using Provisioning.Programs;

namespace Provisioning.Sdk.Tests.Programs;

public class ProgramMessageReaderTests
{
    private static async Task<string> MessageJsonAsync()
    {
        var (_, _, json) = await Run.ProgramAsync(() =>
        {
            new Stamps(2).Declare();
            return new Dictionary<string, object?> { ["count"] = 6, ["secret"] = Secret.Create("x") };
        });
        return json;
    }

    private static ProgramReadResult Read(string json) => ProgramMessageReader.Read(Encoding.UTF8.GetBytes(json), "program.json");

    private static string Edit(string json, Action<JsonObject> edit)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        edit(node);
        return node.ToJsonString();
    }

    [Fact]
    public async Task A_message_round_trips_through_the_reader_and_the_writer()
    {
        var json = await MessageJsonAsync();

        var read = Read(json);

        Assert.Empty(read.Diagnostics);
        Assert.Equal(json, Encoding.UTF8.GetString(ProgramMessageWriter.Write(read.Message!)));
        Assert.Equal(ProgramMessage.CurrentFormat, read.Message!.Format);
        Assert.Equal(9, read.Message.Resources.Count);
        Assert.NotNull(read.Message.Resources[1].Source);
    }

    [Theory]
    [InlineData("provision-program/2")]
    [InlineData("provision-program/10")]
    [InlineData("something-else/1")]
    public async Task A_message_of_another_format_is_refused_naming_the_format(string format)
    {
        var json = Edit(await MessageJsonAsync(), m =>
        {
            m["format"] = format;
            m["renamedInVersion2"] = true; // a newer shape must not be misread as damage
        });

        var read = Read(json);

        Assert.Null(read.Message);
        var diagnostic = Assert.Single(read.Diagnostics);
        Assert.Equal("PRV201", diagnostic.Code);
        Assert.Contains($"'{format}'", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains(ProgramMessage.CurrentFormat, diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_truncated_message_is_refused_at_its_line()
    {
        var json = await MessageJsonAsync();

        var read = Read(json[..(json.Length / 2)]);

        var diagnostic = Assert.Single(read.Diagnostics);
        Assert.Equal("PRV200", diagnostic.Code);
        Assert.Equal("program.json", diagnostic.Span.File);
        Assert.True(diagnostic.Span.Line > 1, diagnostic.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[1, 2]")]
    [InlineData("{ \"format\": 1 }")]
    [InlineData("{ \"project\": \"x\" }")]
    public void Something_that_is_not_a_message_is_refused(string json)
    {
        var read = Read(json);

        Assert.Null(read.Message);
        Assert.Matches("^PRV20[02]$", Assert.Single(read.Diagnostics).Code);
    }

    [Fact]
    public async Task An_unknown_field_a_missing_field_and_a_wrong_type_are_each_refused()
    {
        var json = await MessageJsonAsync();

        var unknown = Read(Edit(json, m => m["extra"] = 1));
        var missing = Read(Edit(json, m => m.Remove("stack")));
        var wrongType = Read(Edit(json, m => m["preview"] = "yes"));
        var numericKind = Read(Edit(json, m => m["problems"] = new JsonArray(new JsonObject { ["kind"] = 0, ["message"] = "m", ["key"] = null, ["exceptionType"] = null, ["stackTrace"] = null, ["source"] = null })));

        Assert.Contains("extra", Assert.Single(unknown.Diagnostics).Message, StringComparison.Ordinal);
        Assert.Contains("stack", Assert.Single(missing.Diagnostics).Message, StringComparison.Ordinal);
        Assert.Equal("PRV200", Assert.Single(wrongType.Diagnostics).Code);
        Assert.Equal("PRV200", Assert.Single(numericKind.Diagnostics).Code);
    }

    [Fact]
    public async Task A_field_written_twice_is_refused()
    {
        var json = await MessageJsonAsync();
        var twice = json.Replace("\"stack\": \"prod\",", "\"stack\": \"prod\", \"stack\": \"dev\",", StringComparison.Ordinal);
        var inputTwice = json.Replace("\"tenantId\": ", "\"tenantId\": \"11111111-aaaa-4aaa-8aaa-111111111111\", \"tenantId\": ", StringComparison.Ordinal);

        Assert.NotEqual(json, twice);
        Assert.NotEqual(json, inputTwice);
        Assert.Equal("PRV200", Assert.Single(Read(twice).Diagnostics).Code);
        Assert.Equal("PRV200", Assert.Single(Read(inputTwice).Diagnostics).Code);
    }

    [Fact]
    public async Task Values_the_shape_cannot_check_are_validated_one_diagnostic_each()
    {
        var json = Edit(await MessageJsonAsync(), m =>
        {
            var resources = m["resources"]!.AsArray();
            resources[0]!["name"] = "not-the-urn-name";
            resources[1]!["source"] = new JsonObject { ["file"] = "Program.cs", ["line"] = 0 };
            resources[2]!["parent"] = "not a urn";
            m["outputs"]!.AsArray()[1]!["value"] = "clear text of a secret";
        });

        var read = Read(json);

        Assert.Null(read.Message);
        Assert.All(read.Diagnostics, d => Assert.Equal("PRV202", d.Code));
        Assert.Equal(
            ["resources[0].urn", "resources[1].source", "resources[2].parent", "outputs[1].value"],
            read.Diagnostics.Select(d => System.Text.RegularExpressions.Regex.Match(d.Message, "invalid at '([^']+)'").Groups[1].Value));
    }
}
