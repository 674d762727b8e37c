using Provisioning.Model;

namespace Provisioning.Cli.Tests;

public sealed class SavedPlanTests : IDisposable
{
    private readonly ProjectFolder _folder = new();
    private readonly InMemoryProviderFactory _providers = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Up_with_a_saved_plan_applies_exactly_it()
    {
        var file = _folder.PathOf("plan.json");
        Assert.Equal(0, (await CliHarness.RunAsync(_providers, "preview", "-s", "dev", "-C", _folder.Path, "--save-plan", file, "--target", "*::west-*")).Code);

        var (code, _, error) = await CliHarness.RunAsync(_providers, "up", "-s", "dev", "-C", _folder.Path, "--yes", "--plan", file);

        Assert.True(code == 0, error);
        Assert.Equal(3, _providers.Provider.Calls.Count(c => c.Method == "PUT"));
        var text = await File.ReadAllTextAsync(file);
        Assert.Contains("\"actual_fingerprint\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("token", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Bearer", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_saved_plan_is_refused_with_exit_1_when_Azure_changed_since()
    {
        var file = _folder.PathOf("plan.json");
        Assert.Equal(0, (await CliHarness.RunAsync(_providers, "preview", "-s", "dev", "-C", _folder.Path, "--save-plan", file)).Code);
        _providers.Provider.Seed(new ObservedResource(
            ArmResourceId.Parse(ProjectFolder.West + "/customerSubscriptions/8d116ece-1738-47d9-bd9c-172411e20b8f"),
            "Microsoft.AzureStack/registrations/customerSubscriptions",
            Resource.PropertiesOf(("tenantId", "ec66a787-95e7-41d1-b731-af10506bf2ef"))));

        var (code, _, error) = await CliHarness.RunAsync(_providers, "up", "-s", "dev", "-C", _folder.Path, "--yes", "--plan", file);

        Assert.Equal(1, code);
        Assert.Contains("stale", error, StringComparison.Ordinal);
        Assert.DoesNotContain(_providers.Provider.Calls, c => c.Method == "PUT");
    }

    [Fact]
    public async Task A_saved_plan_is_refused_when_the_stack_file_changed_since()
    {
        var file = _folder.PathOf("plan.json");
        Assert.Equal(0, (await CliHarness.RunAsync(_providers, "preview", "-s", "dev", "-C", _folder.Path, "--save-plan", file)).Code);
        _folder.WriteStack("dev", ProjectFolder.DevStack.Replace("registrations: [west]", "registrations: [west, east]", StringComparison.Ordinal));

        var (code, _, error) = await CliHarness.RunAsync(_providers, "up", "-s", "dev", "-C", _folder.Path, "--yes", "--plan", file);

        Assert.Equal(1, code);
        Assert.Contains("east-northwind", error, StringComparison.Ordinal);
        Assert.Empty(_providers.Provider.Calls.Where(c => c.Method == "PUT"));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"format_version":"9.0","project":"p","stack":"dev","steps":[],"actual_fingerprint":"x"}""")]
    public async Task A_file_that_is_not_a_plan_exits_2_without_connecting(string content)
    {
        var file = _folder.PathOf("plan.json");
        await File.WriteAllTextAsync(file, content);

        var (code, _, error) = await CliHarness.RunAsync(_providers, "up", "-s", "dev", "-C", _folder.Path, "--yes", "--plan", file);

        Assert.Equal(2, code);
        Assert.Contains("plan", error, StringComparison.Ordinal);
        Assert.Equal(0, _providers.Connections);
    }
}
