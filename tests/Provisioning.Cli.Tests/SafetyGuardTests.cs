using System.Text.Json;
using System.Text.RegularExpressions;
using Provisioning.Model;

namespace Provisioning.Cli.Tests;

/// <summary>Issue 11 at the command line: adoption, the overwrite trap, mass deletes, other stacks' mappings, import names.</summary>
public sealed partial class SafetyGuardTests : IDisposable
{
    private const string ContosoTenant = "6b0d549b-6f03-475a-9600-a35a099950d8";
    private const string ContosoWest = ProjectFolder.West + "/customerSubscriptions/8d116ece-1738-47d9-bd9c-172411e20b8f";
    private const string StrayWest = ProjectFolder.West + "/customerSubscriptions/11111111-2222-4333-8444-555555555555";

    /// <summary>Three unprotected tenants on one stamp: three mappings.</summary>
    private const string ThreeTenants = """
        config:
          tenant-registrations:cloud: local
          tenant-registrations:registrations:
            west: { subscriptionId: 6513270e-269e-4d37-b2a7-4de452e6b438, name: azurestack-west }
          tenant-registrations:tenants:
            contoso:
              tenantId: 6b0d549b-6f03-475a-9600-a35a099950d8
              subscriptionId: 8d116ece-1738-47d9-bd9c-172411e20b8f
              registrations: [west]
            fabrikam:
              tenantId: 90c192cf-d3ac-44af-8f21-ddb66cad4a26
              subscriptionId: a170b338-3926-4059-b28c-105d1fb17c23
              registrations: [west]
            northwind:
              tenantId: 0cb1e29c-658c-4a14-95e6-0af593bd04cf
              subscriptionId: 8e81973e-0bec-47b0-b898-d190f9ebdacc
              registrations: [west]
        """;

    private readonly ProjectFolder _folder = new(ThreeTenants);
    private readonly InMemoryProviderFactory _providers = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_mapping_already_in_Azure_but_not_in_the_state_is_adopted_by_up_and_removed_by_destroy()
    {
        await SeedDesiredAsync();
        var before = _providers.Provider.Calls.Length;

        var preview = await RunAsync("preview", "-s", "dev");
        var check = await RunAsync("preview", "-s", "dev", "--expect-no-changes");
        var up = await RunAsync("up", "-s", "dev", "--yes");
        var again = await RunAsync("preview", "-s", "dev", "--expect-no-changes");
        var writesAfterUp = _providers.Provider.Calls.Skip(before).Count(c => c.Method is "PUT" or "DELETE");
        var destroy = await RunAsync("destroy", "-s", "dev", "--yes");

        Assert.Equal(0, preview.Code);
        Assert.Contains("< adopt", preview.Out, StringComparison.Ordinal);
        Assert.Contains("3 to adopt", preview.Out, StringComparison.Ordinal);
        Assert.Equal(3, check.Code);
        Assert.True(up.Code == 0, up.Error);
        Assert.Equal(0, writesAfterUp);
        Assert.Equal(0, again.Code);
        Assert.True(destroy.Code == 0, destroy.Error);
        Assert.Equal(3, _providers.Provider.Calls.Count(c => c.Method == "DELETE"));
        Assert.Empty(_providers.Provider.Resources);
    }

    [Fact]
    public async Task Adoption_in_json_is_a_no_op_with_reason_adopt_and_counts_as_a_change()
    {
        await SeedDesiredAsync();

        var (code, output, error) = await RunAsync("preview", "-s", "dev", "--json");

        Assert.True(code == 0, error);
        Assert.Empty(await Schemas.ValidateAsync("plan-output.schema.json", output));
        using var doc = JsonDocument.Parse(output);
        var changes = doc.RootElement.GetProperty("resource_changes").EnumerateArray().ToList();
        Assert.Equal(3, changes.Count);
        Assert.All(changes, c => Assert.Equal("adopt", c.GetProperty("action_reason").GetString()));
        Assert.All(changes, c => Assert.Equal("no-op", c.GetProperty("change").GetProperty("actions")[0].GetString()));
        Assert.True(doc.RootElement.GetProperty("summary").GetProperty("has_changes").GetBoolean());
    }

    [Fact]
    public async Task An_unmanaged_mapping_a_put_would_overwrite_is_shown_refused_by_up_and_counted_with_prune()
    {
        _providers.Provider.Seed(Mapping(StrayWest, ContosoTenant));

        var preview = await RunAsync("preview", "-s", "dev", "--show-ids");
        var up = await RunAsync("up", "-s", "dev", "--yes");
        var writesAfterRefusal = _providers.Provider.Calls.Count(c => c.Method is "PUT" or "DELETE");
        var pruned = await RunAsync("up", "-s", "dev", "--yes", "--prune");

        Assert.Equal(0, preview.Code);
        Assert.Contains("! overwrite", preview.Out, StringComparison.Ordinal);
        Assert.Contains("11111111-2222-4333-8444-555555555555", preview.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("? unmanaged", preview.Out, StringComparison.Ordinal);
        Assert.Contains("1 to delete (1 by overwrite)", preview.Out, StringComparison.Ordinal);
        Assert.Contains("warning PRV140", preview.Error, StringComparison.Ordinal);
        Assert.Equal(2, up.Code);
        Assert.Contains("error PRV140", up.Error, StringComparison.Ordinal);
        Assert.Contains(StrayWest, up.Error, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, writesAfterRefusal);
        Assert.True(pruned.Code == 0, pruned.Error);
        Assert.Contains("1 deleted", pruned.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(_providers.Provider.Resources, r => r.Id == ArmResourceId.Parse(StrayWest));
    }

    [Fact]
    public async Task Json_lists_the_overwritten_mapping_and_counts_it_as_deleted()
    {
        _providers.Provider.Seed(Mapping(StrayWest, ContosoTenant));

        var (code, output, error) = await RunAsync("preview", "-s", "dev", "--json");
        var refused = await RunAsync("up", "-s", "dev", "--yes", "--json");

        Assert.True(code == 0, error);
        Assert.Empty(await Schemas.ValidateAsync("plan-output.schema.json", output));
        using var doc = JsonDocument.Parse(output);
        Assert.Equal(1, doc.RootElement.GetProperty("summary").GetProperty("delete").GetInt32());
        var unmanaged = Assert.Single(doc.RootElement.GetProperty("unmanaged_resources").EnumerateArray());
        Assert.Contains("overwritten by the PUT of", unmanaged.GetProperty("note").GetString(), StringComparison.Ordinal);
        Assert.Contains(doc.RootElement.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("PRV140", StringComparison.Ordinal));
        Assert.Equal(2, refused.Code);
        Assert.Empty(await Schemas.ValidateAsync("plan-output.schema.json", refused.Out));
        Assert.Contains("PRV140", refused.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_put_that_would_overwrite_a_mapping_another_stack_manages_is_refused_even_with_prune()
    {
        _folder.WriteStack("prod", ThreeTenants.Replace("8d116ece-1738-47d9-bd9c-172411e20b8f", "11111111-2222-4333-8444-555555555555", StringComparison.Ordinal));
        _providers.Provider.Seed(Mapping(StrayWest, ContosoTenant));

        var (code, _, error) = await RunAsync("up", "-s", "dev", "--yes", "--prune");

        Assert.Equal(2, code);
        Assert.Contains("error PRV141", error, StringComparison.Ordinal);
        Assert.Contains("'prod'", error, StringComparison.Ordinal);
        Assert.DoesNotContain(_providers.Provider.Calls, c => c.Method is "PUT" or "DELETE");
    }

    [Fact]
    public async Task An_up_deleting_most_managed_mappings_needs_allow_mass_delete()
    {
        Assert.True((await RunAsync("up", "-s", "dev", "--yes")).Code == 0);
        _folder.WriteStack("dev", OnlyContoso());

        var preview = await RunAsync("preview", "-s", "dev");
        var up = await RunAsync("up", "-s", "dev", "--yes");
        var deletesAfterRefusal = _providers.Provider.Calls.Count(c => c.Method == "DELETE");
        var allowed = await RunAsync("up", "-s", "dev", "--yes", "--allow-mass-delete");

        Assert.Equal(0, preview.Code);
        Assert.Contains("warning PRV144", preview.Error, StringComparison.Ordinal);
        Assert.Contains("--allow-mass-delete", preview.Error, StringComparison.Ordinal);
        Assert.Equal(2, up.Code);
        Assert.Contains("error PRV144", up.Error, StringComparison.Ordinal);
        Assert.Equal(0, deletesAfterRefusal);
        Assert.True(allowed.Code == 0, allowed.Error);
        Assert.Equal(2, _providers.Provider.Calls.Count(c => c.Method == "DELETE"));
    }

    [Fact]
    public async Task Destroy_needs_no_mass_delete_flag_and_does_not_accept_it()
    {
        Assert.True((await RunAsync("up", "-s", "dev", "--yes")).Code == 0);

        var destroy = await RunAsync("destroy", "-s", "dev", "--yes");
        var withFlag = await RunAsync("destroy", "-s", "dev", "--yes", "--allow-mass-delete");

        Assert.True(destroy.Code == 0, destroy.Error);
        Assert.Equal(3, _providers.Provider.Calls.Count(c => c.Method == "DELETE"));
        Assert.Equal(2, withFlag.Code);
    }

    [Fact]
    public async Task Up_never_deletes_a_mapping_that_another_stack_declares()
    {
        Assert.True((await RunAsync("up", "-s", "dev", "--yes")).Code == 0);
        _folder.WriteStack("prod", ThreeTenants);
        _folder.WriteStack("dev", OnlyContoso());

        var (code, _, error) = await RunAsync("up", "-s", "dev", "--yes", "--allow-mass-delete");

        Assert.Equal(2, code);
        Assert.Contains("error PRV143", error, StringComparison.Ordinal);
        Assert.Contains("'prod'", error, StringComparison.Ordinal);
        Assert.DoesNotContain(_providers.Provider.Calls, c => c.Method == "DELETE");
    }

    [Fact]
    public async Task The_billing_note_of_a_delete_is_not_printed_for_a_tenant_the_plan_re_maps()
    {
        Assert.True((await RunAsync("up", "-s", "dev", "--yes")).Code == 0);
        var withoutNorthwind = ThreeTenants[..ThreeTenants.IndexOf("    northwind:", StringComparison.Ordinal)];
        _folder.WriteStack("dev", withoutNorthwind.Replace("8d116ece-1738-47d9-bd9c-172411e20b8f", "11111111-2222-4333-8444-555555555555", StringComparison.Ordinal));

        var (code, output, error) = await RunAsync("preview", "-s", "dev");

        Assert.True(code == 0, error);
        Assert.Equal(2, Regex.Count(output, "- delete"));
        var notes = Regex.Matches(output, "usage of tenant ([0-9a-f-]+) on this registration is billed to the registration's own subscription");
        Assert.Equal(["0cb1e29c-658c-4a14-95e6-0af593bd04cf"], notes.Select(m => m.Groups[1].Value));
    }

    [Fact]
    public async Task Import_never_adopts_a_mapping_another_stack_manages()
    {
        var prodOnly = Mapping(ProjectFolder.West + "/customerSubscriptions/22222222-2222-4333-8444-555555555555", "ec66a787-95e7-41d1-b731-af10506bf2ef");
        _folder.WriteStack("prod", ThreeTenants.Replace(
            "tenant-registrations:tenants:\n",
            "tenant-registrations:tenants:\n    shared:\n      tenantId: ec66a787-95e7-41d1-b731-af10506bf2ef\n      subscriptionId: 22222222-2222-4333-8444-555555555555\n      registrations: [west]\n",
            StringComparison.Ordinal));
        _providers.Provider.Seed(prodOnly);
        _providers.Provider.Seed(Mapping(StrayWest, "ec66a787-95e7-41d1-b731-af10506bf2ee"));

        var import = await RunAsync("import", "-s", "dev", "--yes");
        var state = await File.ReadAllTextAsync(_folder.StatePath());
        var up = await RunAsync("up", "-s", "dev", "--yes", "--prune");

        Assert.True(import.Code == 0, import.Error);
        Assert.Contains("warning PRV145", import.Error, StringComparison.Ordinal);
        Assert.Contains("'prod'", import.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("22222222-2222-4333-8444-555555555555", state, StringComparison.Ordinal);
        Assert.Contains("11111111-2222-4333-8444-555555555555", state, StringComparison.Ordinal);
        Assert.Contains(_providers.Provider.Resources, r => r.Id == prodOnly.Id);
        Assert.DoesNotContain(_providers.Provider.Calls, c => c.Method == "DELETE" && c.Id == prodOnly.Id);
        Assert.True(up.Code == 0, up.Error);
        Assert.Contains(_providers.Provider.Calls, c => c.Method == "DELETE" && c.Id == ArmResourceId.Parse(StrayWest));
    }

    [Fact]
    public async Task Import_never_adopts_a_mapping_recorded_in_another_stacks_state()
    {
        _folder.WriteStack("prod", ThreeTenants);
        Assert.Equal(0, (await RunAsync("up", "-s", "prod", "--yes")).Code);
        File.Delete(_folder.PathOf("Pulumi.prod.yaml"));
        _folder.WriteStack("dev", ProjectFolder.DevStack.Replace("registrations: [west, east]", "registrations: [east]", StringComparison.Ordinal).Replace("registrations: [west]", "registrations: [east]", StringComparison.Ordinal));

        var (code, _, error) = await RunAsync("import", "-s", "dev", "--yes");

        Assert.True(code == 0, error);
        Assert.Equal(3, Regex.Count(error, "warning PRV145: [^\\n]*'prod'"));
        Assert.False(File.Exists(_folder.StatePath()) && UrnsIn(await File.ReadAllTextAsync(_folder.StatePath())).Count > 0);
    }

    [Fact]
    public async Task Import_gives_tenants_sharing_a_prefix_their_own_readable_keys_and_the_printed_entries_round_trip()
    {
        _providers.Provider.Seed(Mapping(StrayWest, "55555555-AAAA-4333-8444-555555555555"));
        _providers.Provider.Seed(Mapping(ProjectFolder.West + "/customerSubscriptions/33333333-2222-4333-8444-555555555555", "55555555-bbbb-4333-8444-555555555555"));
        _providers.Provider.Seed(Mapping(ProjectFolder.West + "/customerSubscriptions/44444444-2222-4333-8444-555555555555", "ec66a787-95e7-41d1-b731-af10506bf2ef"));

        var (code, output, error) = await RunAsync("import", "-s", "dev", "--yes");

        Assert.True(code == 0, error);
        var stateUrns = UrnsIn(await File.ReadAllTextAsync(_folder.StatePath()));
        Assert.Equal(3, stateUrns.Count);
        Assert.Equal(stateUrns.Count, stateUrns.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains(stateUrns, u => u.EndsWith("::west-tenant-55555555-aaaa", StringComparison.Ordinal));
        Assert.Contains(stateUrns, u => u.EndsWith("::west-tenant-55555555-bbbb", StringComparison.Ordinal));
        Assert.Contains(stateUrns, u => u.EndsWith("::west-tenant-ec66a787", StringComparison.Ordinal));
        Assert.DoesNotContain("AAAA", output, StringComparison.Ordinal);

        // Paste the entries under the stack file's tenants: the stack then declares exactly what was imported, under the same URNs.
        var entries = string.Join('\n', output.Split('\n').SkipWhile(l => !l.TrimEnd().EndsWith(":tenants:", StringComparison.Ordinal)).Skip(1));
        _folder.WriteStack("dev", ThreeTenants + "\n" + entries);
        var preview = await RunAsync("preview", "-s", "dev", "--json", "--show-same");
        Assert.True(preview.Code == 0, preview.Error);
        using var doc = JsonDocument.Parse(preview.Out);
        var declared = doc.RootElement.GetProperty("resource_changes").EnumerateArray()
            .Where(c => c.GetProperty("change").GetProperty("actions")[0].GetString() == "no-op")
            .Select(c => c.GetProperty("address").GetString()!)
            .Order(StringComparer.Ordinal);
        Assert.Equal(stateUrns.Order(StringComparer.Ordinal), declared);
    }

    [Fact]
    public async Task A_later_import_keeps_the_keys_an_earlier_one_gave_and_never_reuses_them_for_another_tenant()
    {
        const string A = "55555555-aaaa-4333-8444-555555555555";
        const string B = "55555555-bbbb-4333-8444-555555555555";
        _folder.WriteStack("dev", ProjectFolder.DevStack);
        _providers.Provider.Seed(Mapping(StrayWest, A));
        Assert.Equal(0, (await RunAsync("import", "-s", "dev", "--yes")).Code);
        _providers.Provider.Seed(Mapping(ProjectFolder.East + "/customerSubscriptions/11111111-2222-4333-8444-555555555555", A));
        _providers.Provider.Seed(Mapping(ProjectFolder.East + "/customerSubscriptions/33333333-2222-4333-8444-555555555555", B));

        var (code, output, error) = await RunAsync("import", "-s", "dev", "--yes");

        Assert.True(code == 0, error);
        var names = UrnsIn(await File.ReadAllTextAsync(_folder.StatePath())).Select(u => u[(u.LastIndexOf("::", StringComparison.Ordinal) + 2)..]).Order(StringComparer.Ordinal);
        Assert.Equal(["east-tenant-55555555", "east-tenant-55555555-bbbb", "west-tenant-55555555"], names);
        Assert.Contains("    tenant-55555555:\n      tenantId: " + A, output, StringComparison.Ordinal);
        Assert.Contains("    tenant-55555555-bbbb:\n      tenantId: " + B, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_out_into_a_missing_directory_fails_before_the_state_is_written()
    {
        _providers.Provider.Seed(Mapping(StrayWest, "ec66a787-95e7-41d1-b731-af10506bf2ef"));

        var missing = await RunAsync("import", "-s", "dev", "--yes", "--out", _folder.PathOf("missing/file.yaml"));
        var directory = await RunAsync("import", "-s", "dev", "--yes", "--out", _folder.Path);

        Assert.Equal(2, missing.Code);
        Assert.Contains("missing", missing.Error, StringComparison.Ordinal);
        Assert.Equal(2, directory.Code);
        Assert.False(File.Exists(_folder.StatePath()));
        Assert.Equal(0, _providers.Connections);
    }

    private Task<(int Code, string Out, string Error)> RunAsync(params string[] args) =>
        CliHarness.RunAsync(_providers, [.. args, "-C", _folder.Path]);

    private async Task SeedDesiredAsync()
    {
        // What a first up made in Azure, with its state lost (a PUT whose answer never came back, or made by hand).
        Assert.True((await RunAsync("up", "-s", "dev", "--yes")).Code == 0);
        File.Delete(_folder.StatePath());
    }

    private static string OnlyContoso() => ThreeTenants[..ThreeTenants.IndexOf("    fabrikam:", StringComparison.Ordinal)];

    private static List<string> UrnsIn(string state) =>
        [.. UrnPattern().Matches(state).Select(m => m.Groups[1].Value).Where(u => u.Contains("CustomerSubscription::", StringComparison.Ordinal))];

    [GeneratedRegex("\"urn\"\\s*:\\s*\"([^\"]+)\"")]
    private static partial Regex UrnPattern();

    private static ObservedResource Mapping(string id, string tenant) =>
        new(ArmResourceId.Parse(id), "Microsoft.AzureStack/registrations/customerSubscriptions", Resource.PropertiesOf(("tenantId", tenant)));
}
