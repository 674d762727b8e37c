using System.Collections.Immutable;
using Provisioning.Model;

namespace Provisioning.Cli.Tests;

public sealed class PlanFlagsTests : IDisposable
{
    private const string UnmanagedId = ProjectFolder.West + "/customerSubscriptions/11111111-2222-4333-8444-555555555555";
    private readonly ProjectFolder _folder = new();
    private readonly InMemoryProviderFactory _providers = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Diff_lists_every_property_before_and_after()
    {
        var (code, output, _) = await CliHarness.RunAsync(_providers, "preview", "-s", "dev", "-C", _folder.Path, "--diff");

        Assert.Equal(0, code);
        Assert.Contains("+ tenantId: 6b0d549b-6f03-475a-9600-a35a099950d8", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diff_shows_a_drifted_tenant_id_as_before_and_after()
    {
        await UpAsync();
        var id = ArmResourceId.Parse(ProjectFolder.West + "/customerSubscriptions/8d116ece-1738-47d9-bd9c-172411e20b8f");
        _providers.Provider.Seed(new ObservedResource(id, "Microsoft.AzureStack/registrations/customerSubscriptions", Resource.PropertiesOf(("tenantId", "ec66a787-95e7-41d1-b731-af10506bf2ef"))));

        var (code, output, _) = await CliHarness.RunAsync(_providers, "preview", "-s", "dev", "-C", _folder.Path, "--diff", "--expect-no-changes");

        Assert.Equal(3, code);
        Assert.Contains("~ tenantId: ec66a787-95e7-41d1-b731-af10506bf2ef => 6b0d549b-6f03-475a-9600-a35a099950d8", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("*west-contoso")]
    [InlineData("*/REGISTRATIONS/AZURESTACK-WEST/customerSubscriptions/8d116ece*")]
    public async Task Target_with_a_wildcard_touches_only_the_matching_resources(string target)
    {
        var (code, output, error) = await CliHarness.RunAsync(_providers, "up", "-s", "dev", "-C", _folder.Path, "--yes", "--target", target);

        Assert.True(code == 0, error);
        var put = Assert.Single(_providers.Provider.Calls, c => c.Method != "LIST");
        Assert.Equal("PUT", put.Method);
        Assert.EndsWith("8d116ece-1738-47d9-bd9c-172411e20b8f", put.Id.ToString(), StringComparison.Ordinal);
        Assert.Contains("west-contoso", output, StringComparison.Ordinal);
        Assert.DoesNotContain("east-contoso", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Target_is_repeatable()
    {
        var (code, _, _) = await CliHarness.RunAsync(_providers, "up", "-s", "dev", "-C", _folder.Path, "--yes", "--target", "*::west-*", "-t", "*::east-fabrikam");

        Assert.Equal(0, code);
        Assert.Equal(4, _providers.Provider.Calls.Count(c => c.Method == "PUT"));
    }

    [Fact]
    public async Task Protect_refuses_destroy_and_sends_no_delete()
    {
        await UpAsync();

        var (code, _, error) = await CliHarness.RunAsync(_providers, "destroy", "-s", "dev", "-C", _folder.Path, "--yes");

        Assert.Equal(2, code);
        Assert.Contains("protected", error, StringComparison.Ordinal);
        Assert.DoesNotContain(_providers.Provider.Calls, c => c.Method == "DELETE");
    }

    [Fact]
    public async Task Destroy_targeted_away_from_protected_resources_deletes_the_others()
    {
        await UpAsync();

        var (code, _, error) = await CliHarness.RunAsync(_providers, "destroy", "-s", "dev", "-C", _folder.Path, "--yes", "--target", "*-northwind");

        Assert.True(code == 0, error);
        Assert.Single(_providers.Provider.Calls, c => c.Method == "DELETE");
    }

    [Fact]
    public async Task Prune_is_previewed_with_a_marker_and_deletes_only_when_asked()
    {
        await UpAsync();
        SeedUnmanaged();

        var preview = await CliHarness.RunAsync(_providers, "preview", "-s", "dev", "-C", _folder.Path, "--show-ids");
        var upWithout = await CliHarness.RunAsync(_providers, "up", "-s", "dev", "-C", _folder.Path, "--yes");
        var prune = await CliHarness.RunAsync(_providers, "up", "-s", "dev", "-C", _folder.Path, "--yes", "--prune");

        Assert.Equal(0, preview.Code);
        Assert.Contains("? unmanaged", preview.Out, StringComparison.Ordinal);
        Assert.Contains(UnmanagedId, preview.Out, StringComparison.Ordinal);
        Assert.Contains("1 unmanaged", upWithout.Out, StringComparison.Ordinal);
        Assert.True(prune.Code == 0, prune.Error);
        Assert.Contains("(prune: in no stack)", prune.Out, StringComparison.Ordinal);
        var delete = Assert.Single(_providers.Provider.Calls, c => c.Method == "DELETE");
        Assert.Equal(UnmanagedId, delete.Id.ToString());
        Assert.Equal("2017-06-01", delete.ApiVersion);
    }

    [Fact]
    public async Task Prune_never_deletes_a_mapping_another_stack_of_the_project_declares()
    {
        await UpAsync();
        SeedUnmanaged();
        _folder.WriteStack("other", """
            config:
              tenant-registrations:cloud: local
              tenant-registrations:registrations:
                west: { subscriptionId: 6513270e-269e-4d37-b2a7-4de452e6b438, name: azurestack-west }
              tenant-registrations:tenants:
                litware:
                  tenantId: ec66a787-95e7-41d1-b731-af10506bf2ef
                  subscriptionId: 11111111-2222-4333-8444-555555555555
                  registrations: [west]
            """);

        var prune = await CliHarness.RunAsync(_providers, "up", "-s", "dev", "-C", _folder.Path, "--yes", "--prune");

        Assert.Equal(0, prune.Code);
        Assert.DoesNotContain(_providers.Provider.Calls, c => c.Method == "DELETE");
    }

    [Fact]
    public async Task Prune_in_json_is_listed_as_unmanaged_then_as_a_delete_with_reason_prune()
    {
        await UpAsync();
        SeedUnmanaged();

        var preview = await CliHarness.RunAsync(_providers, "preview", "-s", "dev", "-C", _folder.Path, "--json");
        var pruned = await CliHarness.RunAsync(_providers, "preview", "-s", "dev", "-C", _folder.Path, "--json", "--prune");

        Assert.Empty(await Schemas.ValidateAsync("plan-output.schema.json", preview.Out));
        Assert.Empty(await Schemas.ValidateAsync("plan-output.schema.json", pruned.Out));
        Assert.Contains("\"unmanaged\": 1", preview.Out, StringComparison.Ordinal);
        Assert.Contains("\"action_reason\": \"prune\"", pruned.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--refresh=false")]
    [InlineData("--refresh", "false")]
    public async Task Refresh_false_parses_both_ways_and_sends_no_list(params string[] flag)
    {
        var (code, _, error) = await CliHarness.RunAsync(_providers, ["preview", "-s", "dev", "-C", _folder.Path, .. flag]);

        Assert.True(code == 0, error);
        Assert.Empty(_providers.Provider.Calls);
    }

    [Fact]
    public async Task Expect_no_changes_exits_3_when_changes_are_pending_and_0_after_up()
    {
        Assert.Equal(3, (await CliHarness.RunAsync(_providers, "preview", "-s", "dev", "-C", _folder.Path, "--expect-no-changes")).Code);
        await UpAsync();
        Assert.Equal(0, (await CliHarness.RunAsync(_providers, "preview", "-s", "dev", "-C", _folder.Path, "--expect-no-changes")).Code);
    }

    [Fact]
    public async Task Parallel_accepts_a_count()
    {
        var (code, _, _) = await CliHarness.RunAsync(_providers, "up", "-s", "dev", "-C", _folder.Path, "--yes", "--parallel", "1");

        Assert.Equal(0, code);
        Assert.Equal(5, _providers.Provider.Calls.Count(c => c.Method == "PUT"));
    }

    private async Task UpAsync()
    {
        var up = await CliHarness.RunAsync(_providers, "up", "-s", "dev", "-C", _folder.Path, "--yes");
        Assert.True(up.Code == 0, up.Error);
    }

    private void SeedUnmanaged() =>
        _providers.Provider.Seed(new ObservedResource(ArmResourceId.Parse(UnmanagedId), "Microsoft.AzureStack/registrations/customerSubscriptions", ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("tenantId", "ec66a787-95e7-41d1-b731-af10506bf2ef")])));
}
