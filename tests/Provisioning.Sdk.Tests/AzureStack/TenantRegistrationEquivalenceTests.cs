using Provisioning.Config;
using Provisioning.Programs;
using Provisioning.Sdk.AzureStack;

namespace Provisioning.Sdk.Tests.AzureStack;

public class TenantRegistrationEquivalenceTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(25)]
    public async Task A_program_of_three_stamps_gives_exactly_the_urns_and_ids_of_the_equivalent_yaml_stack(int tenants)
    {
        var stamps = new Stamps(tenants);
        List<TenantRegistration> declared = [];
        var (exit, message, _) = await Run.ProgramAsync(() =>
        {
            declared = stamps.Declare();
            return Run.NoOutputs();
        });

        var yaml = StackLoader.Parse("Pulumi.yaml", Stamps.ProjectYaml, "Pulumi.prod.yaml", stamps.StackYaml(), Stamps.Stack);
        Assert.False(yaml.HasErrors, string.Join(Environment.NewLine, yaml.Diagnostics));
        var expected = yaml.Stack!.Expand();

        Assert.Equal(0, exit);
        Assert.Equal(
            expected.Components.Select(c => c.Urn.Value),
            declared.Select(r => r.Urn));
        Assert.Equal(
            expected.Components.SelectMany(c => c.Children).Select(r => (r.Urn.Value, r.Id.ToString(), r.Parent!.Value, r.Options.Protect)).Order(),
            declared.SelectMany(r => r.CustomerSubscriptions).Select(c => (c.Urn, c.Id!, c.Parent!.Urn, c.Protect)).Order());
        Assert.Equal(tenants * 3, declared.Sum(r => r.CustomerSubscriptions.Count));
        Assert.Equal(tenants * 3 + 3, message.Resources.Count);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(40)]
    public async Task The_program_message_read_and_converted_expands_to_the_graph_of_the_yaml_stack(int tenants)
    {
        var stamps = new Stamps(tenants);
        var (_, message, json) = await Run.ProgramAsync(() =>
        {
            stamps.Declare();
            return Run.NoOutputs();
        });

        var read = ProgramMessageReader.Read(System.Text.Encoding.UTF8.GetBytes(json), "program.json");
        Assert.Empty(read.Diagnostics);
        var converted = ProgramConverter.Convert(read.Message!, new ProgramConversionOptions(Stamps.Project, Stamps.Stack, CloudSpec.AzureCloud));
        var yaml = StackLoader.Parse("Pulumi.yaml", Stamps.ProjectYaml, "Pulumi.prod.yaml", stamps.StackYaml(), Stamps.Stack);

        Assert.Empty(converted.Diagnostics);
        var fromProgram = converted.Stack!.Expand();
        var fromYaml = yaml.Stack!.Expand();
        Assert.Equal(fromYaml.Components.Select(c => c.Urn), fromProgram.Components.Select(c => c.Urn));
        Assert.Equal(
            fromYaml.Components.SelectMany(c => c.Children).Select(Describe).Order(),
            fromProgram.Components.SelectMany(c => c.Children).Select(Describe).Order());
        Assert.Equal(fromYaml.Components.Select(c => c.Children.Count), fromProgram.Components.Select(c => c.Children.Count));
        Assert.Equal(message.Resources.Count, fromProgram.Components.Count + fromProgram.Components.Sum(c => c.Children.Count));
    }

    [Fact]
    public async Task A_mapping_has_the_documented_urn_and_arm_id()
    {
        CustomerSubscription? mapping = null;
        await Run.ProgramAsync(() =>
        {
            var west = new TenantRegistration("west", new TenantRegistrationArgs
            {
                SubscriptionId = "a1a1a1a1-0000-4000-8000-000000000001",
                RegistrationName = "azurestack-WEST01",
                Tenants =
                {
                    new() { Name = "contoso", TenantId = "11111111-aaaa-4aaa-8aaa-111111111111", SubscriptionId = "D0D0D0D0-AAAA-4AAA-8AAA-0000000000C1" },
                },
            });
            mapping = west.CustomerSubscriptions.Single();
            return Run.NoOutputs();
        });

        Assert.Equal("urn:pulumi:prod::tenant-registrations::provisioning:azurestack:TenantRegistration$azure-native:azurestack:CustomerSubscription::west-contoso", mapping!.Urn);
        Assert.Equal("/subscriptions/a1a1a1a1-0000-4000-8000-000000000001/resourceGroups/azurestack/providers/Microsoft.AzureStack/registrations/azurestack-WEST01/customerSubscriptions/d0d0d0d0-aaaa-4aaa-8aaa-0000000000c1", mapping.Id);
        Assert.Equal("11111111-aaaa-4aaa-8aaa-111111111111", mapping.Inputs["tenantId"]);
        Assert.Equal("azurestack", mapping.Inputs["resourceGroup"]);
    }

    [Fact]
    public async Task A_standalone_customer_subscription_names_its_registration_and_has_the_same_id()
    {
        CustomerSubscription? alone = null;
        await Run.ProgramAsync(() =>
        {
            alone = new CustomerSubscription("west-contoso", new CustomerSubscriptionArgs
            {
                SubscriptionId = "a1a1a1a1-0000-4000-8000-000000000001",
                RegistrationName = "azurestack-WEST01",
                CustomerSubscriptionName = "d0d0d0d0-aaaa-4aaa-8aaa-0000000000c1",
                TenantId = "11111111-aaaa-4aaa-8aaa-111111111111",
            });
            return Run.NoOutputs();
        });

        Assert.Equal("urn:pulumi:prod::tenant-registrations::azure-native:azurestack:CustomerSubscription::west-contoso", alone!.Urn);
        Assert.EndsWith("/registrations/azurestack-WEST01/customerSubscriptions/d0d0d0d0-aaaa-4aaa-8aaa-0000000000c1", alone.Id, StringComparison.Ordinal);
        Assert.Null(alone.Parent);
    }

    [Fact]
    public async Task Protect_and_retain_on_delete_of_a_registration_pass_to_its_mappings_unless_a_mapping_says_otherwise()
    {
        TenantRegistration? west = null;
        await Run.ProgramAsync(() =>
        {
            west = new TenantRegistration(
                "west",
                new TenantRegistrationArgs
                {
                    SubscriptionId = "a1a1a1a1-0000-4000-8000-000000000001",
                    RegistrationName = "azurestack-WEST01",
                    Tenants =
                    {
                        new() { Name = "contoso", TenantId = "11111111-aaaa-4aaa-8aaa-111111111111", SubscriptionId = "d0d0d0d0-aaaa-4aaa-8aaa-0000000000c1" },
                        new() { Name = "fabrikam", TenantId = "22222222-bbbb-4bbb-8bbb-222222222222", SubscriptionId = "e0e0e0e0-bbbb-4bbb-8bbb-0000000000f2", Protect = false },
                    },
                },
                new ComponentResourceOptions { Protect = true, RetainOnDelete = true });
            return Run.NoOutputs();
        });

        Assert.Equal([true, false], west!.CustomerSubscriptions.Select(c => c.Protect));
        Assert.Equal([true, true], west.CustomerSubscriptions.Select(c => c.RetainOnDelete));
    }

    private static string Describe(Provisioning.Model.Resource r) =>
        $"{r.Urn} {r.Id} {r.Type} {r.ApiVersion} {r.Parent} {r.Options} {string.Join(",", r.Properties.Select(p => $"{p.Key}={p.Value}"))}";
}
