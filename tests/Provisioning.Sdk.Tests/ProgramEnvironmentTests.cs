using System.Text;
using Provisioning.Programs;

namespace Provisioning.Sdk.Tests;

public class ProgramEnvironmentTests
{
    private static Func<string, string?> Variables(params (string Name, string Value)[] values) =>
        name => values.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void The_engines_variables_give_the_settings_and_the_message_path()
    {
        var started = ProgramEnvironmentReader.Read(
            Variables(
                (ProgramEnvironment.ProgramOutput, "/tmp/out.json"),
                (ProgramEnvironment.Project, "tenant-registrations"),
                (ProgramEnvironment.Stack, "prod"),
                (ProgramEnvironment.Preview, "false"),
                (ProgramEnvironment.Config, """{ "tenant-registrations:count": 3, "tenant-registrations:password": "p" }"""),
                (ProgramEnvironment.ConfigSecretKeys, """["tenant-registrations:password"]"""),
                (ProgramEnvironment.Formats, "provision-program/2, provision-program/1")),
            out var problem);

        Assert.Null(problem);
        var (settings, path) = started!.Value;
        Assert.Equal(("/tmp/out.json", "tenant-registrations", "prod", false), (path, settings.Project, settings.Stack, settings.Preview));
        Assert.Equal(3, settings.Config["tenant-registrations:count"].GetInt32());
        Assert.Contains("tenant-registrations:password", settings.SecretKeys);
    }

    [Fact]
    public async Task The_stack_files_config_reaches_the_program_through_the_variables_the_engine_sets()
    {
        const string stackYaml = """
            config:
              tenant-registrations:cloud: AzureCloud
              tenant-registrations:stamps:
                - { key: west, subscriptionId: a1a1a1a1-0000-4000-8000-000000000001, count: 2 }
                - { key: east, subscriptionId: b2b2b2b2-0000-4000-8000-000000000002, count: 3 }
              tenant-registrations:enabled: true
              tenant-registrations:quoted: "true"
              tenant-registrations:version: 007
              tenant-registrations:empty:
              tenant-registrations:password: hunter2
              azure-native:location: westeurope
              nonamespace: ignored
            """;
        var (values, diagnostics) = ProgramConfig.FromStackFile("Pulumi.prod.yaml", stackYaml);
        var variables = ProgramEnvironment.Variables("tenant-registrations", "prod", "/tmp/x.json", values, ["tenant-registrations:password"], preview: true);
        var (settings, _) = ProgramEnvironmentReader.Read(name => variables.GetValueOrDefault(name), out var problem)!.Value;

        object?[] read = [];
        var exit = await new ProgramHost(settings, new MemoryProgramMessageSink()).RunAsync(() =>
        {
            var config = new Config();
            read =
            [
                string.Join(",", config.RequireObject<Stamp[]>("stamps").Select(s => $"{s.Key}={s.Count}")),
                config.GetBoolean("enabled"), config.Get("quoted"), config.GetInt32("version"), config.Get("empty"),
                config.RequireSecret("password").ToString(), new Config("azure-native").Require("location"), config.Get("nonamespace"),
            ];
            return new Dictionary<string, object?>();
        });

        Assert.Empty(diagnostics);
        Assert.Null(problem);
        Assert.Equal(0, exit);
        Assert.Equal(["west=2,east=3", true, "true", 7, null, "[secret]", "westeurope", null], read);
        Assert.Contains("tenant-registrations:password", settings.SecretKeys);
    }

    private sealed record Stamp(string Key, string SubscriptionId, int Count);

    [Theory]
    [InlineData(null, "provision preview")]
    [InlineData("provision-program/2", "provision-program/2")]
    [InlineData("bad-config", "config")]
    [InlineData("bad-preview", "true or false")]
    public void What_the_sdk_cannot_use_is_refused_with_a_reason(string? twist, string reason)
    {
        var values = new List<(string, string)>
        {
            (ProgramEnvironment.Project, "p"),
            (ProgramEnvironment.Stack, "s"),
        };
        if (twist is not null)
        {
            values.Add((ProgramEnvironment.ProgramOutput, "/tmp/out.json"));
        }

        values.Add(twist switch
        {
            "bad-config" => (ProgramEnvironment.Config, "{ not json"),
            "bad-preview" => (ProgramEnvironment.Preview, "maybe"),
            { } formats => (ProgramEnvironment.Formats, formats),
            null => ("UNRELATED", "x"),
        });

        var started = ProgramEnvironmentReader.Read(Variables([.. values]), out var problem);

        Assert.Null(started);
        Assert.Contains(reason, problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_file_sink_writes_the_whole_message_and_leaves_no_temporary_file()
    {
        var folder = Directory.CreateTempSubdirectory("provision-sdk-");
        try
        {
            var path = Path.Combine(folder.FullName, "program.json");
            await File.WriteAllTextAsync(path, "an older message");
            var exit = await new ProgramHost(Stamps.Settings(), new FileProgramMessageSink(path)).RunAsync(() =>
            {
                new Stamps(2).Declare();
                return Run.NoOutputs();
            });

            var read = ProgramMessageReader.Read(await File.ReadAllBytesAsync(path), path);
            Assert.Equal(0, exit);
            Assert.Empty(read.Diagnostics);
            Assert.Equal(9, read.Message!.Resources.Count);
            Assert.Equal(["program.json"], folder.EnumerateFiles().Select(f => f.Name));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_message_that_cannot_be_written_gives_exit_3()
    {
        var error = Console.Error;
        Console.SetError(new StringWriter(new StringBuilder()));
        try
        {
            var exit = await new ProgramHost(Stamps.Settings(), new FileProgramMessageSink("/nonexistent-folder/sub/program.json")).RunAsync(Run.NoOutputs);

            Assert.Equal(ProgramExitCodes.MessageNotWritten, exit);
        }
        finally
        {
            Console.SetError(error);
        }
    }
}
