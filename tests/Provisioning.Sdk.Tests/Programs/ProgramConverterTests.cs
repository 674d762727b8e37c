using Provisioning.Config;
using Provisioning.Diagnostics;
using Provisioning.Programs;
using Provisioning.Sdk.AzureStack;

namespace Provisioning.Sdk.Tests.Programs;

public class ProgramConverterTests
{
    private const string West = "a1a1a1a1-0000-4000-8000-000000000001";
    private const string East = "b2b2b2b2-0000-4000-8000-000000000002";
    private const string Contoso = "11111111-aaaa-4aaa-8aaa-111111111111";
    private const string Fabrikam = "22222222-bbbb-4bbb-8bbb-222222222222";
    private const string Tailspin = "33333333-cccc-4ccc-8ccc-333333333333";
    private const string SubscriptionA = "d0d0d0d0-aaaa-4aaa-8aaa-0000000000c1";
    private const string SubscriptionB = "e0e0e0e0-bbbb-4bbb-8bbb-0000000000f2";
    private const string SubscriptionC = "f0f0f0f0-cccc-4ccc-8ccc-0000000000f3";

    private static readonly ProgramConversionOptions Options = new(Stamps.Project, Stamps.Stack, CloudSpec.AzureCloud);

    private static async Task<ProgramConversion> ConvertAsync(Func<IDictionary<string, object?>> program, ProgramConversionOptions? options = null)
    {
        var (_, message, _) = await Run.ProgramAsync(program);
        return ProgramConverter.Convert(message, options ?? Options);
    }

    private static TenantRegistrationArgs Registration(string subscription, string name) => new() { SubscriptionId = subscription, RegistrationName = name };

    [Fact]
    public async Task Five_mistakes_are_reported_at_once_each_at_the_programs_line()
    {
        var lines = new Dictionary<string, int>();
        var converted = await ConvertAsync(() =>
        {
            var west = Registration(West, "azurestack-WEST01");
            west.Tenants.Add(new TenantMappingArgs { Name = "contoso", TenantId = Contoso, SubscriptionId = SubscriptionA });
            lines["PRV016"] = Here.Line(); west.Tenants.Add(new TenantMappingArgs { Name = "fabrikam", TenantId = "not-a-guid", SubscriptionId = SubscriptionB });
            lines["PRV027"] = Here.Line(); west.Tenants.Add(new TenantMappingArgs { Name = "contoso2", TenantId = Contoso, SubscriptionId = SubscriptionC });
            lines["PRV210"] = Here.Line(); west.Tenants.Add(new TenantMappingArgs { Name = "contoso", TenantId = Fabrikam, SubscriptionId = SubscriptionB });
            lines["PRV028"] = Here.Line(); west.Tenants.Add(new TenantMappingArgs { Name = "tailspin", TenantId = Tailspin, SubscriptionId = SubscriptionA });
            _ = new TenantRegistration("west", west);
            lines["PRV204"] = Here.Line(); new Config().Require("tenantsFile");
            return Run.NoOutputs();
        });

        Assert.True(converted.HasErrors);
        Assert.Null(converted.Stack);
        Assert.Equal(lines.Keys.Order(), converted.Diagnostics.Select(d => d.Code).Order());
        foreach (var diagnostic in converted.Diagnostics)
        {
            Assert.Equal((Here.File(), lines[diagnostic.Code]), (diagnostic.Span.File, diagnostic.Span.Line));
        }

        Assert.Contains("tenant-registrations:tenantsFile", converted.Diagnostics.Single(d => d.Code == "PRV204").Message, StringComparison.Ordinal);
        Assert.Contains("Pulumi.prod.yaml", converted.Diagnostics.Single(d => d.Code == "PRV204").Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registration_mistakes_are_the_yaml_paths_own_diagnostics()
    {
        var converted = await ConvertAsync(() =>
        {
            _ = new TenantRegistration("west", new TenantRegistrationArgs { SubscriptionId = "x", ResourceGroup = "bad group", RegistrationName = "a/b" });
            _ = new TenantRegistration("east", Registration(East, "azurestack-EAST01"));
            _ = new TenantRegistration("east2", Registration(East.ToUpperInvariant(), "AZURESTACK-east01"));
            _ = new TenantRegistration("bad key!", Registration(West, "azurestack-OTHER"));
            return Run.NoOutputs();
        });

        Assert.Equal(["PRV016", "PRV023", "PRV024", "PRV030", "PRV022"], converted.Diagnostics.Select(d => d.Code));
    }

    [Fact]
    public async Task A_program_that_throws_is_reported_with_its_exception_type_and_message()
    {
        var converted = await ConvertAsync(() => throw new FormatException("line 3 of tenants.csv has 2 columns"));

        var diagnostic = Assert.Single(converted.Diagnostics);
        Assert.Equal("PRV206", diagnostic.Code);
        Assert.StartsWith("The program threw System.FormatException: line 3 of tenants.csv has 2 columns", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(DiagnosticOrigin.Input, diagnostic.Origin);
        Assert.Equal(Here.File(), diagnostic.Span.File);
    }

    [Fact]
    public async Task An_exception_thrown_inside_the_sdk_is_placed_at_the_programs_line_that_called_it()
    {
        var line = 0;
        var converted = await ConvertAsync(() =>
        {
            line = Here.Line(); _ = new TenantRegistration("west", null!);
            return Run.NoOutputs();
        });

        var diagnostic = Assert.Single(converted.Diagnostics);
        Assert.Equal(("PRV206", Here.File(), line), (diagnostic.Code, diagnostic.Span.File, diagnostic.Span.Line));
        Assert.Contains("System.ArgumentNullException", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_for_another_stack_is_refused_whole()
    {
        var converted = await ConvertAsync(() =>
        {
            new Stamps(1).Declare();
            return Run.NoOutputs();
        }, Options with { Stack = "dev" });

        Assert.Equal("PRV203", Assert.Single(converted.Diagnostics).Code);
        Assert.Null(converted.Stack);
    }

    [Fact]
    public async Task A_customer_subscription_under_a_component_that_is_not_a_registration_is_refused()
    {
        var converted = await ConvertAsync(() =>
        {
            var group = new ComponentResource("acme:stamps:Group", "all");
            _ = new CustomerSubscription("west-contoso", new CustomerSubscriptionArgs { SubscriptionId = West, RegistrationName = "azurestack-WEST01", CustomerSubscriptionName = SubscriptionA, TenantId = Contoso }, new CustomResourceOptions { Parent = group });
            return Run.NoOutputs();
        });

        Assert.Contains("PRV208", converted.Diagnostics.Select(d => d.Code));
        Assert.True(converted.HasErrors);
    }

    [Fact]
    public async Task A_standalone_customer_subscription_joins_its_declared_registration_and_the_rules_see_it()
    {
        var converted = await ConvertAsync(() =>
        {
            _ = new TenantRegistration("west", new TenantRegistrationArgs
            {
                SubscriptionId = West,
                RegistrationName = "azurestack-WEST01",
                Tenants = { new() { Name = "contoso", TenantId = Contoso, SubscriptionId = SubscriptionA } },
            });
            _ = new CustomerSubscription("west-fabrikam", new CustomerSubscriptionArgs { SubscriptionId = West, RegistrationName = "azurestack-west01", CustomerSubscriptionName = SubscriptionA, TenantId = Fabrikam });
            return Run.NoOutputs();
        });

        Assert.Equal(["PRV211", "PRV028"], converted.Diagnostics.Select(d => d.Code));
        Assert.Contains("…TenantRegistration$azure-native:azurestack:CustomerSubscription::west-fabrikam".TrimStart('…'), converted.Diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_standalone_customer_subscription_of_an_undeclared_registration_gets_one_and_is_planned()
    {
        var converted = await ConvertAsync(() =>
        {
            _ = new CustomerSubscription("contoso", new CustomerSubscriptionArgs { SubscriptionId = West, RegistrationName = "azurestack-WEST01", CustomerSubscriptionName = SubscriptionA, TenantId = Contoso });
            return Run.NoOutputs();
        });

        Assert.Equal("PRV211", Assert.Single(converted.Diagnostics).Code);
        var registration = Assert.Single(converted.Stack!.Registrations);
        Assert.Equal(("azurestack-WEST01", West, "azurestack"), (registration.Key, registration.SubscriptionId, registration.ResourceGroup));
        var resource = converted.Stack.Expand().Components.Single().Children.Single();
        Assert.EndsWith("/registrations/azurestack-WEST01/customerSubscriptions/" + SubscriptionA, resource.Id.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Protect_and_retain_on_delete_per_mapping_reach_the_planned_resources()
    {
        var converted = await ConvertAsync(() =>
        {
            _ = new TenantRegistration("west", new TenantRegistrationArgs
            {
                SubscriptionId = West,
                RegistrationName = "azurestack-WEST01",
                Tenants = { new() { Name = "contoso", TenantId = Contoso, SubscriptionId = SubscriptionA, Protect = true } },
            });
            _ = new TenantRegistration("east", new TenantRegistrationArgs
            {
                SubscriptionId = East,
                RegistrationName = "azurestack-EAST01",
                Tenants = { new() { Name = "contoso", TenantId = Contoso, SubscriptionId = SubscriptionA, RetainOnDelete = true } },
            });
            return Run.NoOutputs();
        });

        Assert.Empty(converted.Diagnostics);
        var options = converted.Stack!.Expand().Components.SelectMany(c => c.Children).Select(r => (r.Urn.Name, r.Options.Protect, r.Options.RetainOnDelete));
        Assert.Equal([("west-contoso", true, false), ("east-contoso", false, true)], options);
    }

    [Fact]
    public async Task Unknown_resource_types_undeclared_references_and_ignored_options_are_named()
    {
        var converted = await ConvertAsync(() =>
        {
            var west = new TenantRegistration("west", Registration(West, "azurestack-WEST01"));
            _ = new Other("acme:storage:Bucket", "logs", new CustomResourceOptions { IgnoreChanges = { "tags" }, DependsOn = { west } });
            return Run.NoOutputs();
        });

        Assert.Equal(["PRV207", "PRV213"], converted.Diagnostics.Select(d => d.Code).Order());
    }

    [Fact]
    public async Task Source_files_under_the_program_folder_are_named_relative_to_it()
    {
        var converted = await ConvertAsync(
            () => throw new InvalidOperationException("x"),
            Options with { SourceRoot = Path.GetDirectoryName(Path.GetDirectoryName(Here.File())) });

        Assert.Equal(Path.Combine("Programs", "ProgramConverterTests.cs"), Assert.Single(converted.Diagnostics).Span.File);
    }

    [Fact]
    public async Task An_empty_program_warns_that_it_manages_nothing()
    {
        var converted = await ConvertAsync(Run.NoOutputs, Options with { ProgramName = "Stamps.csproj" });

        var diagnostic = Assert.Single(converted.Diagnostics);
        Assert.Equal((Severity.Warning, "PRV031", "Stamps.csproj"), (diagnostic.Level, diagnostic.Code, diagnostic.Span.File));
        Assert.NotNull(converted.Stack);
    }

    [Theory]
    [InlineData(" 11111111-aaaa-4aaa-8aaa-111111111111")]
    [InlineData("11111111-aaaa-4aaa-8aaa-111111111111\n")]
    [InlineData("{11111111-aaaa-4aaa-8aaa-111111111111}")]
    [InlineData("11111111aaaa4aaa8aaa111111111111")]
    public async Task A_tenant_id_that_is_not_exactly_a_guid_is_refused(string tenantId)
    {
        var converted = await ConvertAsync(() =>
        {
            _ = new TenantRegistration("west", new TenantRegistrationArgs
            {
                SubscriptionId = West,
                RegistrationName = "azurestack-WEST01",
                Tenants = { new() { Name = "contoso", TenantId = tenantId, SubscriptionId = SubscriptionA } },
            });
            return Run.NoOutputs();
        });

        Assert.Equal("PRV016", Assert.Single(converted.Diagnostics).Code);
    }

    [Fact]
    public async Task A_registration_name_with_spaces_around_it_is_refused_not_trimmed()
    {
        var converted = await ConvertAsync(() =>
        {
            _ = new TenantRegistration("west", new TenantRegistrationArgs { SubscriptionId = West, RegistrationName = "azurestack-WEST01 ", ResourceGroup = "\tazurestack" });
            return Run.NoOutputs();
        });

        Assert.Equal(["PRV216", "PRV216"], converted.Diagnostics.Select(d => d.Code));
        Assert.Null(converted.Stack);
    }

    [Fact]
    public async Task A_tenant_without_a_name_or_an_id_is_named_as_the_yaml_path_would()
    {
        var converted = await ConvertAsync(() =>
        {
            _ = new TenantRegistration("west", new TenantRegistrationArgs
            {
                SubscriptionId = West,
                RegistrationName = "azurestack-WEST01",
                Tenants =
                {
                    new() { Name = null!, TenantId = Contoso, SubscriptionId = SubscriptionA },
                    new() { Name = "fabrikam", TenantId = null!, SubscriptionId = SubscriptionB },
                },
            });
            return Run.NoOutputs();
        });

        Assert.Equal(["PRV022", "PRV209"], converted.Diagnostics.Select(d => d.Code));
        Assert.Contains("'tenantId'", converted.Diagnostics[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_child_naming_another_registration_than_its_parent_is_refused()
    {
        var converted = await ConvertAsync(() =>
        {
            var west = new TenantRegistration("west", Registration(West, "azurestack-WEST01"));
            _ = new CustomerSubscription("west-contoso", new CustomerSubscriptionArgs { RegistrationName = "azurestack-EAST01", CustomerSubscriptionName = SubscriptionA, TenantId = Contoso }, new CustomResourceOptions { Parent = west });
            return Run.NoOutputs();
        });

        var diagnostic = Assert.Single(converted.Diagnostics);
        Assert.Equal("PRV214", diagnostic.Code);
        Assert.Contains("azurestack-EAST01", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tenant_missing_on_one_of_three_stamps_gets_the_yaml_paths_coverage_warning()
    {
        var converted = await ConvertAsync(() =>
        {
            foreach (var (key, subscription, _, name) in Stamps.All)
            {
                var args = Registration(subscription, name);
                args.Tenants.Add(new() { Name = "contoso", TenantId = Contoso, SubscriptionId = SubscriptionA });
                args.Tenants.Add(new() { Name = "fabrikam", TenantId = Fabrikam, SubscriptionId = SubscriptionB });
                if (key != "north")
                {
                    args.Tenants.Add(new() { Name = "tailspin", TenantId = Tailspin, SubscriptionId = SubscriptionC });
                }

                _ = new TenantRegistration(key, args);
            }

            return Run.NoOutputs();
        });

        Assert.Empty(converted.Diagnostics);
        var warning = Assert.Single(Provisioning.Planning.CoverageWarnings.Check(converted.Stack!));
        Assert.Contains("tailspin", warning, StringComparison.Ordinal);
        Assert.Contains("north", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registrations_grouped_under_a_component_of_the_program_are_planned_with_one_warning_each()
    {
        var converted = await ConvertAsync(() =>
        {
            var all = new ComponentResource("acme:stamps:AllStamps", "all");
            foreach (var (key, subscription, _, name) in Stamps.All)
            {
                var args = Registration(subscription, name);
                args.Tenants.Add(new() { Name = "contoso", TenantId = Contoso, SubscriptionId = SubscriptionA });
                args.Tenants.Add(new() { Name = "fabrikam", TenantId = Fabrikam, SubscriptionId = SubscriptionB });
                _ = new TenantRegistration(key, args, new ComponentResourceOptions { Parent = all });
            }

            return Run.NoOutputs();
        });

        Assert.Equal(["PRV211", "PRV211", "PRV211"], converted.Diagnostics.Select(d => d.Code));
        Assert.Equal(6, converted.Stack!.Expand().Components.Sum(c => c.Children.Count));
    }

    private sealed class Other(string type, string name, CustomResourceOptions options)
        : CustomResource(type, name, [], options);
}
