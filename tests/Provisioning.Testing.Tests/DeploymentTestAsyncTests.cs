using System.Runtime.CompilerServices;
using Provisioning.Sdk;
using Provisioning.Sdk.AzureStack;

namespace Provisioning.Testing.Tests;

/// <summary><c>Deployment.TestAsync</c> as a user meets it: a program (lambda or Stack class), mocks, exact URNs and ARM ids.</summary>
public sealed class DeploymentTestAsyncTests
{
    private const string Subscription = "6513270e-269e-4d37-b2a7-4de452e6b438";
    private const string ContosoTenant = "6b0d549b-6f03-475a-9600-a35a099950d8";
    private const string ContosoBilled = "8D116ECE-1738-47D9-BD9C-172411E20B8F";
    private const string FabrikamTenant = "90c192cf-d3ac-44af-8f21-ddb66cad4a26";
    private const string FabrikamBilled = "a170b338-3926-4059-b28c-105d1fb17c23";

    private const string WestRegistration = $"/subscriptions/{Subscription}/resourceGroups/azurestack/providers/Microsoft.AzureStack/registrations/azurestack-west";
    private const string EastRegistration = $"/subscriptions/{Subscription}/resourceGroups/stamps/providers/Microsoft.AzureStack/registrations/azurestack-east";

    private static readonly TestOptions Options = new() { ProjectName = "tenant-registrations", StackName = "prod" };

    [Fact]
    public async Task A_lambda_program_registers_a_component_and_one_mapping_per_tenant_with_exact_urns_ids_inputs_and_parent()
    {
        var result = await Deployment.TestAsync(new Mocks(), Options, () =>
        {
            _ = new TenantRegistration("west", new TenantRegistrationArgs
            {
                SubscriptionId = Subscription,
                RegistrationName = "azurestack-west",
                Tenants =
                {
                    new TenantMappingArgs { Name = "contoso", TenantId = ContosoTenant, SubscriptionId = ContosoBilled },
                    new TenantMappingArgs { Name = "fabrikam", TenantId = FabrikamTenant, SubscriptionId = FabrikamBilled },
                },
            });
            return new Dictionary<string, object?>();
        });

        const string component = "urn:pulumi:prod::tenant-registrations::provisioning:azurestack:TenantRegistration::west";
        Assert.Equal<string>(
            [
                component,
                "urn:pulumi:prod::tenant-registrations::provisioning:azurestack:TenantRegistration$azure-native:azurestack:CustomerSubscription::west-contoso",
                "urn:pulumi:prod::tenant-registrations::provisioning:azurestack:TenantRegistration$azure-native:azurestack:CustomerSubscription::west-fabrikam",
            ],
            result.Urns);
        Assert.Equal<string>(
            [
                $"{WestRegistration}/customerSubscriptions/8d116ece-1738-47d9-bd9c-172411e20b8f",
                $"{WestRegistration}/customerSubscriptions/{FabrikamBilled}",
            ],
            result.Ids);

        var registration = result.Resources[0];
        Assert.Equal("provisioning:azurestack:TenantRegistration", registration.Type);
        Assert.Null(registration.Id);
        Assert.Null(registration.Parent);
        Assert.Equal("azurestack-west", registration.Inputs["registrationName"]);

        var contoso = result.Resources[1];
        Assert.Equal("azure-native:azurestack:CustomerSubscription", contoso.Type);
        Assert.Equal(component, contoso.Parent);
        Assert.Equal("west-contoso", contoso.Name);
        Assert.Equal(ContosoTenant, contoso.Inputs["tenantId"]);
        Assert.Equal("azurestack", contoso.Inputs["resourceGroup"]);
        Assert.Equal("azurestack-west", contoso.Inputs["registrationName"]);
    }

    [Fact]
    public async Task The_mocks_see_every_resource_and_the_id_they_return_is_the_resource_id()
    {
        var mocks = new Mocks { Prefix = "mock:" };

        var result = await Deployment.TestAsync(mocks, Options, () =>
        {
            _ = new TenantRegistration("west", new TenantRegistrationArgs
            {
                SubscriptionId = Subscription,
                RegistrationName = "azurestack-west",
                Tenants = { new TenantMappingArgs { Name = "contoso", TenantId = ContosoTenant, SubscriptionId = ContosoBilled } },
            });
            return new Dictionary<string, object?>();
        });

        Assert.Equal(2, mocks.Seen.Count);
        Assert.False(mocks.Seen[0].Custom);
        Assert.True(mocks.Seen[1].Custom);
        Assert.Equal("west-contoso", mocks.Seen[1].Name);
        Assert.Equal($"{WestRegistration}/customerSubscriptions/8d116ece-1738-47d9-bd9c-172411e20b8f", mocks.Seen[1].Id);
        Assert.Equal<string>([$"mock:{WestRegistration}/customerSubscriptions/8d116ece-1738-47d9-bd9c-172411e20b8f"], result.Ids);
        Assert.Equal("state of west-contoso", result.Resources[1].State);
    }

    [Fact]
    public async Task A_stack_class_reads_its_config_from_the_test_options_and_its_outputs_are_returned()
    {
        var options = new TestOptions
        {
            ProjectName = "tenant-registrations",
            StackName = "prod",
            IsPreview = false,
            Config =
            {
                ["stampGroup"] = "stamps", // bare key: the project's namespace
                ["tenant-registrations:tenantId"] = FabrikamTenant,
            },
        };

        var result = await Deployment.TestAsync<EastStack>(new Mocks(), options);

        Assert.Equal<string>(
            [
                "urn:pulumi:prod::tenant-registrations::provisioning:azurestack:TenantRegistration::east",
                "urn:pulumi:prod::tenant-registrations::provisioning:azurestack:TenantRegistration$azure-native:azurestack:CustomerSubscription::east-fabrikam",
            ],
            result.Urns);
        Assert.Equal<string>([$"{EastRegistration}/customerSubscriptions/{FabrikamBilled}"], result.Ids);
        Assert.Equal("1", result.Outputs["mappings"]);
        Assert.Equal("up", result.Outputs["mode"]);
    }

    [Fact]
    public async Task A_program_mistake_throws_with_every_diagnostic_naming_the_programs_line()
    {
        var line = 0;

        var error = await Assert.ThrowsAsync<TestRunException>(() => Deployment.TestAsync(new Mocks(), Options, () =>
        {
            _ = new TenantRegistration("west", new TenantRegistrationArgs
            {
                SubscriptionId = Subscription,
                RegistrationName = "azurestack-west",
                Tenants =
                {
                    Mapping("contoso", "not-a-guid", out line),
                },
            });
            return new Dictionary<string, object?>();
        }));

        Assert.NotEqual(0, line);
        Assert.Contains($"{nameof(DeploymentTestAsyncTests)}.cs({line}", error.Message, StringComparison.Ordinal);
        Assert.Contains("not-a-guid", error.Message, StringComparison.Ordinal);
        Assert.Contains(error.Diagnostics, d => d.Span.Line == line);
    }

    [Fact]
    public async Task Missing_required_config_throws_naming_the_key_and_the_line()
    {
        var error = await Assert.ThrowsAsync<TestRunException>(() => Deployment.TestAsync(new Mocks(), Options, () =>
        {
            _ = new Sdk.Config().Require("stamps");
            return new Dictionary<string, object?>();
        }));

        Assert.Contains("stamps", error.Message, StringComparison.Ordinal);
        Assert.Contains($"{nameof(DeploymentTestAsyncTests)}.cs(", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_secret_output_is_not_revealed()
    {
        var options = new TestOptions
        {
            ProjectName = "tenant-registrations",
            StackName = "prod",
            Config = { ["apiKey"] = "hunter2-clear-text" },
            SecretConfig = { "apiKey" },
        };

        var result = await Deployment.TestAsync(new Mocks(), options, async () =>
        {
            await Task.Yield();
            var key = new Sdk.Config().RequireSecret("apiKey");
            return new Dictionary<string, object?> { ["key"] = key, ["wrapped"] = Secret.Create("also-hidden"), ["plain"] = "shown" };
        });

        Assert.Equal("[secret]", result.Outputs["key"]);
        Assert.Equal("[secret]", result.Outputs["wrapped"]);
        Assert.Equal("shown", result.Outputs["plain"]);
        Assert.DoesNotContain(result.Outputs.Values, v => v is not null && (v.Contains("hunter2", StringComparison.Ordinal) || v.Contains("also-hidden", StringComparison.Ordinal)));
        Assert.Empty(result.Resources);
    }

    [Fact]
    public async Task A_program_that_declares_nothing_runs_with_the_warning_a_preview_shows()
    {
        var result = await Deployment.TestAsync(new Mocks(), Options, () => new Dictionary<string, object?>());

        Assert.Empty(result.Resources);
        Assert.Contains(result.Warnings, w => w.Code == "PRV031");
    }

    [Fact]
    public async Task A_yaml_stack_still_runs_on_the_default_mocks_when_a_test_implements_only_the_program_hook()
    {
        var stack = StackTest.Load(
            "name: tenant-registrations\nruntime: provision\n",
            $$"""
            config:
              tenant-registrations:cloud: AzureCloud
              tenant-registrations:registrations:
                west: { subscriptionId: {{Subscription}}, name: azurestack-west }
              tenant-registrations:tenants:
                contoso: { tenantId: {{ContosoTenant}}, subscriptionId: {{ContosoBilled}}, registrations: [west] }
            """,
            "prod");

        var result = await StackTest.RunAsync(stack, new Mocks());

        Assert.Equal<string>([$"{WestRegistration}/customerSubscriptions/8d116ece-1738-47d9-bd9c-172411e20b8f"], result.Ids);
    }

    private static TenantMappingArgs Mapping(string name, string tenantId, out int line, [CallerLineNumber] int callerLine = 0)
    {
        line = callerLine;
        return new TenantMappingArgs(callerLine: callerLine) { Name = name, TenantId = tenantId, SubscriptionId = ContosoBilled };
    }

    /// <summary>Mocks as a test writes them: only the program hook, recording what it sees.</summary>
    private sealed class Mocks : IMocks
    {
        public string Prefix { get; init; } = string.Empty;

        public List<MockResourceArgs> Seen { get; } = [];

        public Task<(string? id, object state)> NewResourceAsync(MockResourceArgs args)
        {
            Seen.Add(args);
            return Task.FromResult<(string?, object)>((args.Id is null ? null : Prefix + args.Id, $"state of {args.Name}"));
        }
    }

    /// <summary>A program written as a class: one stamp, one tenant, both from config.</summary>
    private sealed class EastStack : Stack
    {
        public EastStack()
        {
            var config = new Sdk.Config();
            var args = new TenantRegistrationArgs
            {
                SubscriptionId = Subscription,
                ResourceGroup = config.Require("stampGroup"),
                RegistrationName = "azurestack-east",
            };
            args.Tenants.Add(new TenantMappingArgs { Name = "fabrikam", TenantId = config.Require("tenantId"), SubscriptionId = FabrikamBilled });
            _ = new TenantRegistration("east", args);
            Mappings = args.Tenants.Count;
            Mode = Deployment.Instance.IsDryRun ? "preview" : "up";
        }

        [Output("mappings")]
        public int Mappings { get; }

        [Output("mode")]
        public string Mode { get; }
    }
}
