using System.Text.Json;
using Provisioning.Model;

namespace Provisioning.Cli.Tests;

public sealed class VerbTests : IDisposable
{
    private const string ContosoWest = ProjectFolder.West + "/customerSubscriptions/8d116ece-1738-47d9-bd9c-172411e20b8f";
    private const string NorthwindWest = ProjectFolder.West + "/customerSubscriptions/8e81973e-0bec-47b0-b898-d190f9ebdacc";
    private readonly ProjectFolder _folder = new();
    private readonly InMemoryProviderFactory _providers = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Refresh_records_drift_forgets_what_is_gone_and_sends_no_write()
    {
        await UpAsync();
        _providers.Provider.Seed(Mapping(ContosoWest, "ec66a787-95e7-41d1-b731-af10506bf2ef"));
        await _providers.Provider.DeleteAsync(ArmResourceId.Parse(NorthwindWest), "2017-06-01");
        var writesBefore = _providers.Provider.Calls.Count(c => c.Method != "LIST");

        var check = await CliHarness.RunAsync(_providers, "refresh", "-s", "dev", "-C", _folder.Path, "--expect-no-changes");
        var (code, output, error) = await CliHarness.RunAsync(_providers, "refresh", "-s", "dev", "-C", _folder.Path, "--yes", "--diff");
        var again = await CliHarness.RunAsync(_providers, "refresh", "-s", "dev", "-C", _folder.Path, "--expect-no-changes");

        Assert.Equal(3, check.Code);
        Assert.True(code == 0, error);
        Assert.Contains("~ update", output, StringComparison.Ordinal);
        Assert.Contains("x forget", output, StringComparison.Ordinal);
        Assert.Contains("6b0d549b-6f03-475a-9600-a35a099950d8 => ec66a787-95e7-41d1-b731-af10506bf2ef", output, StringComparison.Ordinal);
        Assert.Equal(0, again.Code);
        Assert.Equal(writesBefore, _providers.Provider.Calls.Count(c => c.Method != "LIST"));
        var state = await File.ReadAllTextAsync(_folder.StatePath());
        Assert.DoesNotContain("8e81973e-0bec-47b0-b898-d190f9ebdacc", state, StringComparison.Ordinal);
        Assert.Contains("ec66a787-95e7-41d1-b731-af10506bf2ef", state, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refresh_json_matches_the_schema()
    {
        await UpAsync();
        _providers.Provider.Seed(Mapping(ContosoWest, "ec66a787-95e7-41d1-b731-af10506bf2ef"));

        var (code, output, error) = await CliHarness.RunAsync(_providers, "refresh", "-s", "dev", "-C", _folder.Path, "--yes", "--json");

        Assert.True(code == 0, error);
        Assert.Empty(await Schemas.ValidateAsync("plan-output.schema.json", output));
        Assert.Contains("\"action_reason\": \"drift\"", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refresh_off_a_terminal_without_yes_is_refused()
    {
        var (code, _, error) = await CliHarness.RunAsync(_providers, "refresh", "-s", "dev", "-C", _folder.Path);

        Assert.Equal(2, code);
        Assert.Contains("--yes", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_adopts_existing_mappings_and_prints_stack_file_entries_for_the_undeclared()
    {
        _providers.Provider.Seed(Mapping(ContosoWest, "6b0d549b-6f03-475a-9600-a35a099950d8"));
        _providers.Provider.Seed(Mapping(ProjectFolder.West + "/customerSubscriptions/11111111-2222-4333-8444-555555555555", "ec66a787-95e7-41d1-b731-af10506bf2ef"));
        _providers.Provider.Seed(Mapping(ProjectFolder.East + "/customerSubscriptions/22222222-2222-4333-8444-555555555555", "ec66a787-95e7-41d1-b731-af10506bf2ef"));
        var yamlFile = _folder.PathOf("imported.yaml");

        var (code, output, error) = await CliHarness.RunAsync(_providers, "import", "-s", "dev", "-C", _folder.Path, "--yes", "--out", yamlFile);

        Assert.True(code == 0, error);
        Assert.Empty(output);
        Assert.DoesNotContain(_providers.Provider.Calls, c => c.Method is "PUT" or "DELETE");
        var state = await File.ReadAllTextAsync(_folder.StatePath());
        Assert.Contains("west-contoso", state, StringComparison.Ordinal);
        Assert.Contains("west-tenant-ec66a787", state, StringComparison.Ordinal);
        var yaml = await File.ReadAllTextAsync(yamlFile);
        Assert.Contains("tenant-registrations:tenants:", yaml, StringComparison.Ordinal);
        Assert.Contains("    tenant-ec66a787:\n      tenantId: ec66a787-95e7-41d1-b731-af10506bf2ef\n", yaml, StringComparison.Ordinal);
        Assert.Contains("- registration: ", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("contoso", yaml, StringComparison.Ordinal);
        Assert.Contains("next up will delete them", error, StringComparison.Ordinal);

        var preview = await CliHarness.RunAsync(_providers, "preview", "-s", "dev", "-C", _folder.Path);
        Assert.Contains("= same", (await CliHarness.RunAsync(_providers, "preview", "-s", "dev", "-C", _folder.Path, "--show-same")).Out, StringComparison.Ordinal);
        Assert.DoesNotContain("? unmanaged", preview.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stack_ls_lists_stack_files_and_states_with_counts()
    {
        await UpAsync();
        _folder.WriteStack("prod", ProjectFolder.DevStack);

        var (code, output, _) = await CliHarness.RunAsync(_providers, "stack", "ls", "-C", _folder.Path, "--json");
        var table = await CliHarness.RunAsync(_providers, "stack", "ls", "-C", _folder.Path);

        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        var rows = doc.RootElement.EnumerateArray().ToList();
        Assert.Equal(["dev", "prod"], rows.Select(r => r.GetProperty("name").GetString()));
        Assert.Equal(5, rows[0].GetProperty("resources").GetInt32());
        Assert.Equal(JsonValueKind.Null, rows[1].GetProperty("resources").ValueKind);
        Assert.Contains("dev", table.Out, StringComparison.Ordinal);
        Assert.Contains("never", table.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stack_export_then_import_round_trips_and_import_validates_first()
    {
        await UpAsync();
        var exported = await CliHarness.RunAsync(_providers, "stack", "export", "-s", "dev", "-C", _folder.Path);
        Assert.Equal(0, exported.Code);
        using (JsonDocument.Parse(exported.Out))
        {
        }

        var file = _folder.PathOf("state.json");
        await File.WriteAllTextAsync(file, exported.Out.Replace("\"stack\":\"dev\"", "\"stack\":\"prod\"", StringComparison.Ordinal));
        var wrongStack = await CliHarness.RunAsync(_providers, "stack", "import", "-s", "dev", "-C", _folder.Path, "--file", file);
        await File.WriteAllTextAsync(file, "{ \"version\": 1 ");
        var corrupt = await CliHarness.RunAsync(_providers, "stack", "import", "-s", "dev", "-C", _folder.Path, "--file", file);
        File.Delete(_folder.StatePath());
        await File.WriteAllTextAsync(file, exported.Out);
        var imported = await CliHarness.RunAsync(_providers, "stack", "import", "-s", "dev", "-C", _folder.Path, "--file", file);

        Assert.Equal(2, wrongStack.Code);
        Assert.Contains("not 'dev'", wrongStack.Error, StringComparison.Ordinal);
        Assert.Equal(2, corrupt.Code);
        Assert.True(imported.Code == 0, imported.Error);
        Assert.Equal(0, (await CliHarness.RunAsync(_providers, "preview", "-s", "dev", "-C", _folder.Path, "--expect-no-changes")).Code);
    }

    [Fact]
    public async Task Stack_export_to_a_file()
    {
        await UpAsync();
        var file = _folder.PathOf("out.json");

        var (code, output, _) = await CliHarness.RunAsync(_providers, "stack", "export", "-s", "dev", "-C", _folder.Path, "--file", file);

        Assert.Equal(0, code);
        Assert.Empty(output);
        Assert.Contains("\"resources\"", await File.ReadAllTextAsync(file), StringComparison.Ordinal);
    }

    private static ObservedResource Mapping(string id, string tenant) =>
        new(ArmResourceId.Parse(id), "Microsoft.AzureStack/registrations/customerSubscriptions", Resource.PropertiesOf(("tenantId", tenant)));

    private async Task UpAsync()
    {
        var up = await CliHarness.RunAsync(_providers, "up", "-s", "dev", "-C", _folder.Path, "--yes");
        Assert.True(up.Code == 0, up.Error);
    }
}
