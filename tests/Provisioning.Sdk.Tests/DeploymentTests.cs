using System.Text.Json;
using Provisioning.Programs;
using Provisioning.Sdk.AzureStack;

namespace Provisioning.Sdk.Tests;

public class DeploymentTests
{
    private const string Clear = "s3cr3t-Pa55word-never-shown";

    private static Dictionary<string, JsonElement> Config(params (string Key, string Json)[] values) =>
        values.ToDictionary(v => v.Key, v => JsonDocument.Parse(v.Json).RootElement.Clone());

    [Fact]
    public async Task A_secret_never_appears_in_the_message_nor_in_its_own_text()
    {
        var settings = Stamps.Settings(Config(("tenant-registrations:password", $"\"{Clear}\""))) with { SecretKeys = new HashSet<string> { "tenant-registrations:password" } };
        Secret<string>? secret = null;
        var (exit, message, json) = await Run.ProgramAsync(
            () =>
            {
                secret = new Config().RequireSecret("password");
                return new Dictionary<string, object?>
                {
                    ["password"] = secret,
                    ["nested"] = new { Login = "ops", Password = secret },
                    ["list"] = new object[] { 1, secret },
                    ["plain"] = "visible",
                };
            },
            settings);

        Assert.Equal(0, exit);
        Assert.DoesNotContain(Clear, json, StringComparison.Ordinal);
        Assert.Equal(Clear, secret!.Reveal());
        Assert.Equal("[secret]", secret.ToString());
        Assert.Equal("\"[secret]\"", JsonSerializer.Serialize(secret));
        Assert.Equal([("password", true), ("nested", true), ("list", true), ("plain", false)], message.Outputs.Select(o => (o.Name, o.Secret)));
        Assert.All(message.Outputs.Where(o => o.Secret), o => Assert.Null(o.Value));
        Assert.Equal("visible", message.Outputs.Single(o => o.Name == "plain").Value!.Value.GetString());
    }

    [Fact]
    public async Task A_program_that_throws_yields_a_message_with_the_exception_and_a_non_zero_exit()
    {
        var (exit, message, _) = await Run.ProgramAsync(() =>
        {
            new Stamps(1).Declare();
            throw new InvalidOperationException("the tenants file has no header");
        });

        Assert.NotEqual(0, exit);
        Assert.Equal(ProgramExitCodes.ProblemsReported, exit);
        var problem = Assert.Single(message.Problems);
        Assert.Equal(ProgramProblemKind.Exception, problem.Kind);
        Assert.Equal("System.InvalidOperationException", problem.ExceptionType);
        Assert.Equal("the tenants file has no header", problem.Message);
        Assert.Contains(nameof(A_program_that_throws_yields_a_message_with_the_exception_and_a_non_zero_exit), problem.StackTrace, StringComparison.Ordinal);
        Assert.Equal(6, message.Resources.Count); // what was declared before the throw is kept: the engine checks it too
    }

    [Fact]
    public async Task An_exception_thrown_in_a_stack_constructor_is_reported_as_itself()
    {
        var sink = new MemoryProgramMessageSink();
        var exit = await new ProgramHost(Stamps.Settings(), sink).RunAsync<ThrowingStack>();

        Assert.Equal(ProgramExitCodes.ProblemsReported, exit);
        Assert.Equal("System.IO.FileNotFoundException", Assert.Single(sink.Message!.Problems).ExceptionType);
    }

    [Fact]
    public async Task Missing_required_config_is_reported_by_key_at_the_line_that_required_it()
    {
        var line = 0;
        var (exit, message, _) = await Run.ProgramAsync(() =>
        {
            var config = new Config();
            line = Here.Line(); config.Require("tenantsFile");
            return Run.NoOutputs();
        });

        Assert.Equal(ProgramExitCodes.ProblemsReported, exit);
        var problem = Assert.Single(message.Problems);
        Assert.Equal(ProgramProblemKind.ConfigMissing, problem.Kind);
        Assert.Equal("tenant-registrations:tenantsFile", problem.Key);
        Assert.Equal(new ProgramSource(Here.File(), line), problem.Source);
    }

    [Fact]
    public async Task Config_reads_texts_numbers_booleans_objects_and_other_namespaces()
    {
        var settings = Stamps.Settings(Config(
            ("tenant-registrations:name", "\"west\""),
            ("tenant-registrations:count", "3"),
            ("tenant-registrations:countText", "\"4\""),
            ("tenant-registrations:enabled", "true"),
            ("tenant-registrations:stamps", """[{ "key": "west", "subscriptionId": "a1" }, { "Key": "east", "SubscriptionId": "b2" }]"""),
            ("tenant-registrations:stampsText", "\"[{\\\"key\\\":\\\"north\\\"}]\""),
            ("azure-native:location", "\"westeurope\"")));
        object?[] read = [];
        var (exit, _, _) = await Run.ProgramAsync(
            () =>
            {
                var config = new Config();
                read =
                [
                    config.Require("name"), config.GetInt32("count"), config.RequireInt32("countText"), config.GetBoolean("enabled"),
                    string.Join(",", config.RequireObject<StampConfig[]>("stamps").Select(s => $"{s.Key}:{s.SubscriptionId}")),
                    config.RequireObject<StampConfig[]>("stampsText")[0].Key, config.Get("missing"), config.GetInt32("missing"),
                    new Config("azure-native").Get("location"), config.Get("count"),
                ];
                return Run.NoOutputs();
            },
            settings);

        Assert.Equal(0, exit);
        Assert.Equal(["west", 3, 4, true, "west:a1,east:b2", "north", null, null, "westeurope", "3"], read);
    }

    [Fact]
    public async Task A_config_value_of_the_wrong_type_is_reported_by_key_without_its_value()
    {
        var settings = Stamps.Settings(Config(("tenant-registrations:count", $"\"{Clear}\""))) with { SecretKeys = new HashSet<string> { "tenant-registrations:count" } };
        var (exit, message, json) = await Run.ProgramAsync(
            () =>
            {
                new Config().GetInt32("count");
                return Run.NoOutputs();
            },
            settings);

        Assert.Equal(ProgramExitCodes.ProblemsReported, exit);
        var problem = Assert.Single(message.Problems);
        Assert.Equal((ProgramProblemKind.ConfigInvalid, "tenant-registrations:count"), (problem.Kind, problem.Key));
        Assert.DoesNotContain(Clear, json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stack_class_declares_its_resources_and_its_output_properties_are_the_outputs()
    {
        var sink = new MemoryProgramMessageSink();
        var exit = await new ProgramHost(Stamps.Settings(), sink).RunAsync<TwoStampStack>();

        Assert.Equal(0, exit);
        Assert.Equal(4, sink.Message!.Resources.Count);
        Assert.Equal(["mappings", "WestUrn"], sink.Message.Outputs.Select(o => o.Name));
        Assert.Equal(2, sink.Message.Outputs[0].Value!.Value.GetInt32());
        Assert.EndsWith("::west", sink.Message.Outputs[1].Value!.Value.GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_async_program_runs_and_sees_its_deployment()
    {
        var sink = new MemoryProgramMessageSink();
        var exit = await new ProgramHost(Stamps.Settings() with { Preview = false }, sink).RunAsync(async () =>
        {
            await Task.Yield();
            return new Dictionary<string, object?> { ["stack"] = Deployment.Instance.StackName, ["dryRun"] = Deployment.Instance.IsDryRun };
        });

        Assert.Equal(0, exit);
        Assert.False(sink.Message!.Preview);
        Assert.Equal(["\"prod\"", "false"], sink.Message.Outputs.Select(o => o.Value!.Value.GetRawText()));
    }

    [Fact]
    public async Task Programs_running_at_the_same_time_keep_their_own_resources()
    {
        var runs = await Task.WhenAll(Enumerable.Range(1, 8).Select(n => Task.Run(() => Run.ProgramAsync(() =>
        {
            new Stamps(n).Declare();
            return Run.NoOutputs();
        }))));

        Assert.Equal(Enumerable.Range(1, 8).Select(n => n * 3 + 3), runs.Select(r => r.Message.Resources.Count));
    }

    [Fact]
    public void A_resource_or_config_outside_a_running_program_is_refused()
    {
        var resource = Assert.Throws<InvalidOperationException>(() => new ComponentResource("acme:x:Y", "y"));
        var config = Assert.Throws<InvalidOperationException>(() => new Config());

        Assert.Contains("Deployment.RunAsync", resource.Message, StringComparison.Ordinal);
        Assert.Contains("Deployment.RunAsync", config.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_without_provision_says_to_use_provision_preview_and_exits_2()
    {
        Assert.Null(Environment.GetEnvironmentVariable(ProgramEnvironment.ProgramOutput));
        var before = Environment.ExitCode;
        var error = Console.Error;
        using var captured = new StringWriter();
        Console.SetError(captured);
        try
        {
            var exit = await Deployment.RunAsync(new Func<IDictionary<string, object?>>(() => throw new InvalidOperationException("the program must not run")));

            Assert.Equal(2, exit);
            Assert.Equal(2, Environment.ExitCode);
            Assert.Contains("provision preview", captured.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Console.SetError(error);
            Environment.ExitCode = before;
        }
    }

    [Fact]
    public async Task A_null_tenant_name_or_id_still_reaches_the_engine_to_be_reported()
    {
        var (exit, message, _) = await Run.ProgramAsync(() =>
        {
            _ = new TenantRegistration("west", new TenantRegistrationArgs
            {
                SubscriptionId = Stamps.All[0].Subscription,
                RegistrationName = Stamps.All[0].Name,
                Tenants = { new() { Name = null!, TenantId = null!, SubscriptionId = "d0d0d0d0-aaaa-4aaa-8aaa-0000000000c1" } },
            });
            return Run.NoOutputs();
        });

        Assert.Equal(0, exit);
        var child = message.Resources[1];
        Assert.Equal("west-", child.Name);
        Assert.False(child.Inputs.ContainsKey(ProgramInputNames.TenantId));
    }

    [Fact]
    public async Task A_resource_declared_after_the_program_returned_is_refused_not_lost()
    {
        var late = new TaskCompletionSource();
        Task? leftRunning = null;
        var (exit, message, _) = await Run.ProgramAsync(() =>
        {
            leftRunning = Task.Run(async () =>
            {
                await late.Task;
                _ = new ComponentResource("acme:x:Late", "late");
            });
            return Run.NoOutputs();
        });
        late.SetResult();

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => leftRunning!);
        Assert.Equal(0, exit);
        Assert.Empty(message.Resources);
        Assert.Contains("after the program returned", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outputs_that_cannot_be_json_are_problems_by_name_and_the_others_are_kept()
    {
        var cycle = new Node();
        cycle.Next = cycle;
        var (exit, message, _) = await Run.ProgramAsync(() => new Dictionary<string, object?> { ["cycle"] = cycle, [""] = 1, ["ok"] = 2 });

        Assert.Equal(ProgramExitCodes.ProblemsReported, exit);
        Assert.Equal(["cycle", "\"\""], message.Problems.Select(p => p.Key));
        Assert.Equal(["ok"], message.Outputs.Select(o => o.Name));
    }

    private sealed class Node
    {
        public Node? Next { get; set; }
    }

    private sealed record StampConfig(string Key, string? SubscriptionId);

    private sealed class TwoStampStack : Stack
    {
        public TwoStampStack()
        {
            var west = new TenantRegistration("west", new TenantRegistrationArgs
            {
                SubscriptionId = Stamps.All[0].Subscription,
                RegistrationName = Stamps.All[0].Name,
                Tenants = { new() { Name = "contoso", TenantId = "11111111-aaaa-4aaa-8aaa-111111111111", SubscriptionId = "d0d0d0d0-aaaa-4aaa-8aaa-0000000000c1" } },
            });
            var east = new TenantRegistration("east", new TenantRegistrationArgs
            {
                SubscriptionId = Stamps.All[1].Subscription,
                RegistrationName = Stamps.All[1].Name,
                Tenants = { new() { Name = "contoso", TenantId = "11111111-aaaa-4aaa-8aaa-111111111111", SubscriptionId = "d0d0d0d0-aaaa-4aaa-8aaa-0000000000c1" } },
            });
            Mappings = Task.FromResult(west.CustomerSubscriptions.Count + east.CustomerSubscriptions.Count);
            WestUrn = west.Urn;
        }

        [Output("mappings")]
        public Task<int> Mappings { get; }

        [Output]
        public string WestUrn { get; }

        public string NotAnOutput { get; } = "hidden";
    }

    private sealed class ThrowingStack : Stack
    {
        public ThrowingStack() => throw new FileNotFoundException("tenants.csv");
    }
}
