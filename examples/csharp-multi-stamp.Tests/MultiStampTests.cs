using Provisioning.Sdk;
using Provisioning.Testing;

namespace TenantRegistrations.Tests;

/// <summary>The example's program under mocks: exact URNs and ARM ids for one stamp and for the example's three.</summary>
public sealed class MultiStampTests
{
    private const string West = "azurestack-d23f0824-128b-4f33-8c5c-7fd0a6a3a450";
    private const string East = "azurestack-9531985d-5d9d-49f8-9818-e811892f902b";
    private const string North = "azurestack-36f675cc-81e7-4ef5-a8e2-5d940ed90475";

    private const string Contoso = "8d116ece-1738-47d9-bd9c-172411e20b8f";
    private const string Fabrikam = "a170b338-3926-4059-b28c-105d1fb17c23";
    private const string Northwind = "8e81973e-0bec-47b0-b898-d190f9ebdacc";
    private const string AdventureWorks = "92276658-1e27-41c0-8a6a-63ec24ede6a4";
    private const string Tailspin = "923a7369-94e3-4f91-9a61-dbe22e44158b";
    private const string Wingtip = "907a70c3-1012-4037-b64c-e4228c38fb29";

    /// <summary>Every mapping of the example's local stack: per stamp, the CSV's tenants that list it, in the CSV's order.</summary>
    internal static readonly string[] ExampleIds =
    [
        Example.Id(West, Contoso),
        Example.Id(West, Fabrikam),
        Example.Id(West, Northwind),
        Example.Id(West, Tailspin),
        Example.Id(East, Contoso),
        Example.Id(East, Fabrikam),
        Example.Id(East, AdventureWorks),
        Example.Id(East, Wingtip),
        Example.Id(North, Contoso),
        Example.Id(North, Tailspin),
        Example.Id(North, Wingtip),
    ];

    [Fact]
    public async Task One_stamp_maps_the_tenants_that_list_it_with_exact_ids_and_urns()
    {
        var options = Example.Options(stamps: new[] { new Stamp("west", Example.Subscription, "azurestack-west", "stamps-west") });

        var result = await Deployment.TestAsync(new RecordingMocks(), options, TenantRegistrationsProgram.Declare);

        const string registration = $"/subscriptions/{Example.Subscription}/resourceGroups/stamps-west/providers/Microsoft.AzureStack/registrations/azurestack-west";
        Assert.Equal<string>(
            [
                $"{registration}/customerSubscriptions/{Contoso}",
                $"{registration}/customerSubscriptions/{Fabrikam}",
                $"{registration}/customerSubscriptions/{Northwind}",
                $"{registration}/customerSubscriptions/{Tailspin}",
            ],
            result.Ids);
        Assert.Equal<string>(
            [
                Example.ComponentUrn("west"),
                Example.Urn("west", "contoso"),
                Example.Urn("west", "fabrikam"),
                Example.Urn("west", "northwind"),
                Example.Urn("west", "tailspin"),
            ],
            result.Urns);
        Assert.All(result.Resources.Skip(1), r => Assert.Equal(Example.ComponentUrn("west"), r.Parent));
        Assert.Equal("6b0d549b-6f03-475a-9600-a35a099950d8", result.Resources[1].Inputs["tenantId"]);
        Assert.Equal("1", result.Outputs["stamps"]);
        Assert.Equal("4", result.Outputs["mappings"]);
    }

    [Fact]
    public async Task The_examples_three_stamps_map_eleven_tenants_with_exact_ids()
    {
        var mocks = new RecordingMocks();

        var result = await Deployment.TestAsync(mocks, Example.Options(), TenantRegistrationsProgram.Declare);

        Assert.Equal<string>(ExampleIds, result.Ids);
        Assert.Equal<string>([Example.ComponentUrn("west"), Example.ComponentUrn("east"), Example.ComponentUrn("north")], result.OfType("provisioning:azurestack:TenantRegistration").Select(r => r.Urn));
        Assert.Contains(Example.Urn("north", "wingtip"), result.Urns);
        Assert.Equal(14, mocks.Registered.Count);
        Assert.Equal("3", result.Outputs["stamps"]);
        Assert.Equal("11", result.Outputs["mappings"]);
    }

    [Fact]
    public async Task The_same_tenant_on_every_stamp_has_one_id_per_registration()
    {
        var result = await Deployment.TestAsync(new RecordingMocks(), Example.Options(), TenantRegistrationsProgram.Declare);

        Assert.Equal<string>(
            [Example.Id(West, Contoso), Example.Id(East, Contoso), Example.Id(North, Contoso)],
            result.Resources.Where(r => r.Name.EndsWith("-contoso", StringComparison.Ordinal)).Select(r => r.Id!));
    }

    [Fact]
    public async Task Without_stamps_in_the_config_the_run_fails_naming_the_key_and_the_programs_line()
    {
        var options = Example.Options();
        options.Config.Remove($"{Example.Project}:stamps");

        var error = await Assert.ThrowsAsync<TestRunException>(() => Deployment.TestAsync(new RecordingMocks(), options, TenantRegistrationsProgram.Declare));

        Assert.Contains("stamps", error.Message, StringComparison.Ordinal);
        Assert.Contains("TenantRegistrationsProgram.cs(", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Mocks that keep what they are given and answer with the engine's ids.</summary>
    internal sealed class RecordingMocks : IMocks
    {
        public List<MockResourceArgs> Registered { get; } = [];

        public Task<(string? id, object state)> NewResourceAsync(MockResourceArgs args)
        {
            lock (Registered)
            {
                Registered.Add(args);
            }

            return Task.FromResult<(string?, object)>((args.Id, args.Inputs));
        }
    }
}
