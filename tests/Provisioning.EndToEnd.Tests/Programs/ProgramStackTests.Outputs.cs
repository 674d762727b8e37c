using Provisioning.Engine;
using System.Text.Json.Nodes;

namespace Provisioning.EndToEnd.Tests.Programs;

/// <summary>Stack outputs: printed after up (and after a preview, as what up would set), in <c>--json</c>, a secret never in clear.</summary>
public sealed partial class ProgramStackTests
{
    [Fact]
    public async Task Up_prints_the_stack_outputs_with_the_secret_as_a_marker_and_json_carries_them()
    {
        var planFile = Path.Combine(program.Folder, "outputs.plan.json");

        var preview = await Cli.RunAsync(_factory, "preview", "--stack", "outputs", "--cwd", program.Folder, "--save-plan", planFile);
        var up = await Cli.RunAsync(_factory, "up", "--stack", "outputs", "--cwd", program.Folder, "--yes");
        var json = await Cli.RunAsync(_factory, "up", "--stack", "outputs", "--cwd", program.Folder, "--yes", "--json");
        var previewJson = await Cli.RunAsync(_factory, "preview", "--stack", "outputs", "--cwd", program.Folder, "--json");

        Assert.True(preview.ExitCode == 0, preview.ToString());
        Assert.True(up.ExitCode == 0, up.ToString());
        Assert.True(json.ExitCode == 0, json.ToString());
        Assert.True(previewJson.ExitCode == 0, previewJson.ToString());
        Assert.Contains("Outputs (what up would set):", preview.Out, StringComparison.Ordinal);
        Assert.Matches("(?m)^Outputs:$", up.Out);
        Assert.Matches("(?m)^    mode +: \"outputs\"$", up.Out);
        Assert.Matches("(?m)^    stamps +: 1$", up.Out);
        Assert.Matches("(?m)^    registration : \"urn:pulumi:outputs::tenant-registrations::provisioning:azurestack:TenantRegistration::north\"$", up.Out);
        Assert.Matches(@"(?m)^    adminPassword: \[secret\]$", up.Out);
        Assert.True(up.Out.IndexOf("Outputs:", StringComparison.Ordinal) > up.Out.IndexOf("north-contoso", StringComparison.Ordinal), "the outputs come after the steps");

        foreach (var document in (CliResult[])[json, previewJson])
        {
            var outputs = JsonNode.Parse(document.Out)!["outputs"]!.AsObject();
            Assert.Equal(["mode", "stamps", "registration", "adminPassword"], outputs.Select(o => o.Key));
            Assert.Equal("outputs", (string?)outputs["mode"]!["value"]);
            Assert.Equal(1, (int?)outputs["stamps"]!["value"]);
            Assert.EndsWith("TenantRegistration::north", (string?)outputs["registration"]!["value"], StringComparison.Ordinal);
            Assert.False((bool)outputs["mode"]!["secret"]!);
            Assert.True((bool)outputs["adminPassword"]!["secret"]!);
            Assert.False(outputs["adminPassword"]!.AsObject().ContainsKey("value"));
        }

        Assert.Equal("1.3", (string?)JsonNode.Parse(json.Out)!["format_version"]);

        // The clear text is nowhere provision wrote: its output, the state and journal, the plan file, the work folder
        // (the program's own build output aside: the literal is in its source and its assembly).
        var written = Directory.EnumerateFiles(Path.Combine(program.Folder, ".provision"), "*", SearchOption.AllDirectories)
            .Where(f => !f.StartsWith(Path.Combine(ProgramRunner.WorkPath(program.Folder), "bin") + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Append(planFile)
            .ToList();
        Assert.Contains(written, f => f.Contains($"{Path.DirectorySeparatorChar}stacks{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        foreach (var text in (string[])[preview.ToString(), up.ToString(), json.ToString(), previewJson.ToString(), .. written.Select(File.ReadAllText)])
        {
            Assert.DoesNotContain(ProgramTemplate.SecretOutputText, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Destroy_and_a_yaml_stack_have_no_outputs()
    {
        using var yaml = new StackFolder(ProgramTemplate.SameMappingsYaml, "ok");

        var fromYaml = await Cli.RunAsync(_factory, "preview", "--stack", "ok", "--cwd", yaml.Path, "--json");
        var up = await Cli.RunAsync(_factory, "up", "--stack", "outputs", "--cwd", program.Folder, "--yes");
        var destroy = await Cli.RunAsync(_factory, "destroy", "--stack", "outputs", "--cwd", program.Folder, "--yes", "--json");

        Assert.True(fromYaml.ExitCode == 0, fromYaml.ToString());
        Assert.True(up.ExitCode == 0, up.ToString());
        Assert.Contains("Outputs:", up.Out, StringComparison.Ordinal);
        Assert.True(destroy.ExitCode == 0, destroy.ToString());
        Assert.False(JsonNode.Parse(fromYaml.Out)!.AsObject().ContainsKey("outputs"));
        Assert.False(JsonNode.Parse(destroy.Out)!.AsObject().ContainsKey("outputs"));
        Assert.DoesNotContain("Outputs", fromYaml.Error + destroy.Error, StringComparison.Ordinal);
    }
}
