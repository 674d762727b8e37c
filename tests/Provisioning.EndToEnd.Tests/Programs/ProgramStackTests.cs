using Provisioning.Engine;
using System.Text.Json.Nodes;
using Provisioning.Config;

namespace Provisioning.EndToEnd.Tests.Programs;

/// <summary>
/// <c>runtime: dotnet</c>: provision builds a real C# program on Provisioning.Sdk, runs it as a process and plans what it
/// declares exactly as for a YAML stack; a program's mistakes are refused before anything is contacted.
/// </summary>
public sealed partial class ProgramStackTests(ProgramFixture program) : IClassFixture<ProgramFixture>, IAsyncLifetime
{
    private ArmEmulator.ArmEmulator _emulator = null!;
    private EmulatorProviderFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _emulator = await ArmEmulator.ArmEmulator.StartAsync(new ArmEmulator.ArmEmulatorOptions());
        _factory = new EmulatorProviderFactory(_emulator);
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public void The_first_preview_builds_the_program_and_shows_its_output()
    {
        Assert.True(program.FirstRun.ExitCode == 0, program.FirstRun.ToString());
        Assert.Contains("Building the program Stamps.csproj", program.FirstRun.Error, StringComparison.Ordinal);
        Assert.Contains("program output: running in mode ok", program.FirstRun.Error, StringComparison.Ordinal);
        Assert.Contains("west-contoso", program.FirstRun.Out, StringComparison.Ordinal);
        Assert.True(File.Exists(ProgramRunner.StampPath(program.Folder)));
    }

    [Fact]
    public async Task A_program_and_a_yaml_stack_declaring_the_same_mappings_preview_the_same_steps_urns_and_ids()
    {
        using var yaml = new StackFolder(ProgramTemplate.SameMappingsYaml, "ok");

        var fromProgram = await Cli.RunAsync(_factory, "preview", "--stack", "ok", "--cwd", program.Folder, "--json");
        var fromYaml = await Cli.RunAsync(_factory, "preview", "--stack", "ok", "--cwd", yaml.Path, "--json");

        Assert.True(fromProgram.ExitCode == 0, fromProgram.ToString());
        Assert.True(fromYaml.ExitCode == 0, fromYaml.ToString());
        var programChanges = JsonNode.Parse(fromProgram.Out)!["resource_changes"]!.AsArray();
        var yamlChanges = JsonNode.Parse(fromYaml.Out)!["resource_changes"]!.AsArray();
        Assert.Equal(3, programChanges.Count);
        Assert.Contains(programChanges, c => (string?)c!["address"] == "urn:pulumi:ok::tenant-registrations::provisioning:azurestack:TenantRegistration$azure-native:azurestack:CustomerSubscription::east-contoso");
        Assert.Equal(yamlChanges.ToJsonString(), programChanges.ToJsonString());
    }

    [Fact]
    public async Task A_program_with_five_mistakes_reports_every_one_at_its_line_and_sends_nothing()
    {
        var run = await Cli.RunAsync(_factory, "up", "--stack", "mistakes", "--cwd", program.Folder, "--yes");

        Assert.True(run.ExitCode == 2, run.ToString());
        foreach (var code in (string[])["PRV016", "PRV027", "PRV028", "PRV210", "PRV204"])
        {
            Assert.True(
                run.Error.Contains($"Program.cs({ProgramTemplate.LineOf(code)},", StringComparison.Ordinal) && run.Error.Contains($"error {code}:", StringComparison.Ordinal),
                $"{code} at line {ProgramTemplate.LineOf(code)}:\n{run}");
            Assert.Matches($@"(?m)^Program\.cs\({ProgramTemplate.LineOf(code)},\d+\): error {code}: ", run.Error);
        }

        Assert.Equal(0, _factory.Connections);
        Assert.Equal(0, _emulator.RequestLog.Count);
    }

    [Fact]
    public async Task A_program_that_throws_exits_2_showing_the_exception_and_sends_nothing()
    {
        var run = await Cli.RunAsync(_factory, "up", "--stack", "throws", "--cwd", program.Folder, "--yes");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("error PRV206", run.Error, StringComparison.Ordinal);
        Assert.Contains("InvalidOperationException", run.Error, StringComparison.Ordinal);
        Assert.Contains("the tenant list could not be read", run.Error, StringComparison.Ordinal);
        Assert.Contains("program output: running in mode throws", run.Error, StringComparison.Ordinal);
        Assert.Equal(0, _factory.Connections);
        Assert.Equal(0, _emulator.RequestLog.Count);
    }

    [Fact]
    public async Task A_program_that_never_calls_RunAsync_exits_2_and_sends_nothing()
    {
        var run = await Cli.RunAsync(_factory, "preview", "--stack", "norun", "--cwd", program.Folder);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("error PRV221", run.Error, StringComparison.Ordinal);
        Assert.Equal(0, _emulator.RequestLog.Count);
    }

    [Fact]
    public async Task A_program_past_its_timeout_is_stopped_and_exits_2()
    {
        Environment.SetEnvironmentVariable(ProgramRunner.TimeoutVariable, "2");
        try
        {
            var run = await Cli.RunAsync(_factory, "preview", "--stack", "hangs", "--cwd", program.Folder);

            Assert.True(run.ExitCode == 2, run.ToString());
            Assert.Contains("error PRV222", run.Error, StringComparison.Ordinal);
            Assert.Equal(0, _emulator.RequestLog.Count);
        }
        finally
        {
            Environment.SetEnvironmentVariable(ProgramRunner.TimeoutVariable, null);
        }
    }

    [Fact]
    public async Task A_second_run_of_an_unchanged_program_does_not_rebuild_and_a_touched_source_would()
    {
        var stamp = ProgramRunner.StampPath(program.Folder);
        var stampTime = File.GetLastWriteTimeUtc(stamp);

        var up = await Cli.RunAsync(_factory, "up", "--stack", "ok", "--cwd", program.Folder, "--yes");
        var again = await Cli.RunAsync(_factory, "preview", "--stack", "ok", "--cwd", program.Folder, "--expect-no-changes");

        Assert.True(up.ExitCode == 0, up.ToString());
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.DoesNotContain("Building the program", up.Error + again.Error, StringComparison.Ordinal);
        Assert.Equal(stampTime, File.GetLastWriteTimeUtc(stamp));

        // The stamp is what decides: touching a source changes it (checked without paying for a build).
        var location = ProgramLocator.Find(program.Folder, new ProgramProject(null, default));
        var before = ProgramFingerprint.Compute(location);
        Assert.Equal(File.ReadAllText(stamp), before);
        var source = Path.Combine(program.Folder, "Program.cs");
        var time = File.GetLastWriteTimeUtc(source);
        File.SetLastWriteTimeUtc(source, time.AddSeconds(5));
        try
        {
            Assert.NotEqual(before, ProgramFingerprint.Compute(location));
        }
        finally
        {
            File.SetLastWriteTimeUtc(source, time);
        }
    }

    [Fact]
    public async Task A_program_that_does_not_compile_exits_2_with_the_compiler_errors_and_sends_nothing()
    {
        var folder = Path.Combine(Path.GetTempPath(), "provision-program-broken-" + Guid.NewGuid().ToString("N")[..12]);
        ProgramTemplate.Write(folder, ProgramTemplate.Program.Replace("var mode = config.Require(\"mode\");", "var mode = config.Require(\"mode\") + undeclaredThing;", StringComparison.Ordinal));
        try
        {
            var run = await Cli.RunAsync(_factory, "up", "--stack", "ok", "--cwd", folder, "--yes");

            Assert.True(run.ExitCode == 2, run.ToString());
            Assert.Contains("error PRV220", run.Error, StringComparison.Ordinal);
            Assert.Matches(@"Program\.cs\(\d+,\d+\): error CS0103: .*undeclaredThing", run.Error);
            Assert.False(File.Exists(ProgramRunner.StampPath(folder)));
            Assert.Equal(0, _factory.Connections);
            Assert.Equal(0, _emulator.RequestLog.Count);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_program_stack_file_that_declares_registrations_is_refused_before_the_program_runs()
    {
        using var folder = new StackFolder(ProgramTemplate.SameMappingsYaml, "ok");
        File.WriteAllText(Path.Combine(folder.Path, "Pulumi.yaml"), ProgramTemplate.PulumiYaml);
        File.WriteAllText(Path.Combine(folder.Path, "Stamps.csproj"), ProgramTemplate.ProjectFile);

        var run = await Cli.RunAsync(_factory, "preview", "--stack", "ok", "--cwd", folder.Path);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Matches(@"(?m)^Pulumi\.ok\.yaml\(3,\d+\): error PRV224: ", run.Error);
        Assert.Matches(@"(?m)^Pulumi\.ok\.yaml\(6,\d+\): error PRV224: ", run.Error);
        Assert.DoesNotContain("Building the program", run.Error, StringComparison.Ordinal);
        Assert.Equal(0, _emulator.RequestLog.Count);
    }

    [Fact]
    public async Task Main_names_the_program_folder_and_the_runtime_may_be_written_as_a_mapping()
    {
        var folder = Path.Combine(Path.GetTempPath(), "provision-program-main-" + Guid.NewGuid().ToString("N")[..12]);
        ProgramTemplate.Write(Path.Combine(folder, "app"));
        File.WriteAllText(Path.Combine(folder, "Pulumi.yaml"), "name: tenant-registrations\nruntime:\n  name: dotnet\nmain: app\n");
        File.WriteAllText(Path.Combine(folder, "Pulumi.ok.yaml"), ProgramTemplate.StackYaml("ok"));
        try
        {
            var run = await Cli.RunAsync(_factory, "preview", "--stack", "ok", "--cwd", folder);

            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Contains("Building the program app/Stamps.csproj", run.Error, StringComparison.Ordinal);
            Assert.Contains("east-contoso", run.Out, StringComparison.Ordinal);
            Assert.True(File.Exists(ProgramRunner.StampPath(folder)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task An_invalid_program_timeout_is_refused_before_the_program_runs()
    {
        Environment.SetEnvironmentVariable(ProgramRunner.TimeoutVariable, "soon");
        try
        {
            var run = await Cli.RunAsync(_factory, "preview", "--stack", "ok", "--cwd", program.Folder);

            Assert.True(run.ExitCode == 2, run.ToString());
            Assert.Contains("error PRV226", run.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("program output:", run.Error, StringComparison.Ordinal);
            Assert.Equal(0, _emulator.RequestLog.Count);
        }
        finally
        {
            Environment.SetEnvironmentVariable(ProgramRunner.TimeoutVariable, null);
        }
    }

    [Theory]
    [InlineData(0, null, "has no .csproj")]
    [InlineData(2, null, "has 2 .csproj files")]
    [InlineData(1, "nowhere", "neither a folder nor a .csproj")]
    public async Task A_program_project_that_cannot_be_found_is_refused(int projects, string? main, string expected)
    {
        using var folder = new StackFolder(ProgramTemplate.StackYaml("ok"), "ok");
        File.WriteAllText(Path.Combine(folder.Path, "Pulumi.yaml"), ProgramTemplate.PulumiYaml + (main is null ? string.Empty : $"\nmain: {main}\n"));
        for (var i = 0; i < projects; i++)
        {
            File.WriteAllText(Path.Combine(folder.Path, $"P{i}.csproj"), ProgramTemplate.ProjectFile);
        }

        var run = await Cli.RunAsync(_factory, "preview", "--stack", "ok", "--cwd", folder.Path);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("error PRV225", run.Error, StringComparison.Ordinal);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.Equal(0, _emulator.RequestLog.Count);
    }
}
