using Provisioning.ArmEmulator;

namespace Provisioning.EndToEnd.Tests;

/// <summary>Saved plans and --prune against the real ARM client and the emulator over loopback HTTPS.</summary>
public sealed class SavedPlanAndPruneTests : IAsyncLifetime, IDisposable
{
    private const string WestSubscription = "6513270e-269e-4d37-b2a7-4de452e6b438";
    private const string West = "azurestack-d23f0824-128b-4f33-8c5c-7fd0a6a3a450";
    private readonly StackFolder _folder = new(StackFolder.LocalStackYaml);
    private ArmEmulator.ArmEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await ArmEmulator.ArmEmulator.StartAsync(new ArmEmulatorOptions());

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Up_with_a_saved_plan_is_refused_after_the_emulator_content_changed_and_applies_when_it_did_not()
    {
        var factory = new EmulatorProviderFactory(_emulator);
        var plan = Path.Combine(_folder.Path, "plan.json");
        var preview = await Cli.RunAsync(factory, "preview", "--stack", "local", "--cwd", _folder.Path, "--save-plan", plan);
        Assert.True(preview.ExitCode == 0, preview.ToString());

        // Someone maps contoso on the west stamp by hand between preview and up.
        _emulator.Store.SeedMappings(WestSubscription, "azurestack", West, [("8d116ece-1738-47d9-bd9c-172411e20b8f", "6b0d549b-6f03-475a-9600-a35a099950d8")]);
        var stale = await Cli.RunAsync(factory, "up", "--stack", "local", "--cwd", _folder.Path, "--yes", "--plan", plan);

        Assert.True(stale.ExitCode == 1, stale.ToString());
        Assert.Contains("stale", stale.Error, StringComparison.Ordinal);
        Assert.Single(_emulator.Store.GetAllMappings());

        var fresh = await Cli.RunAsync(factory, "preview", "--stack", "local", "--cwd", _folder.Path, "--save-plan", plan);
        Assert.Equal(0, fresh.ExitCode);
        var up = await Cli.RunAsync(factory, "up", "--stack", "local", "--cwd", _folder.Path, "--yes", "--plan", plan);
        Assert.True(up.ExitCode == 0, up.ToString());
        Assert.Equal(0, (await Cli.RunAsync(factory, "preview", "--stack", "local", "--cwd", _folder.Path, "--expect-no-changes")).ExitCode);
    }

    [Fact]
    public async Task Prune_shows_then_deletes_an_unmanaged_mapping_on_the_emulator()
    {
        var factory = new EmulatorProviderFactory(_emulator);
        Assert.Equal(0, (await Cli.RunAsync(factory, "up", "--stack", "local", "--cwd", _folder.Path, "--yes")).ExitCode);
        _emulator.Store.SeedMappings(WestSubscription, "azurestack", West, [("11111111-2222-4333-8444-555555555555", "57ee05cd-e009-42c7-bebf-f20686734721")]);
        var count = _emulator.Store.MappingCount;

        var preview = await Cli.RunAsync(factory, "preview", "--stack", "local", "--cwd", _folder.Path, "--expect-no-changes", "--show-ids");
        var prune = await Cli.RunAsync(factory, "up", "--stack", "local", "--cwd", _folder.Path, "--yes", "--prune");

        Assert.Equal(0, preview.ExitCode);
        Assert.Contains("? unmanaged", preview.Out, StringComparison.Ordinal);
        Assert.Contains("11111111-2222-4333-8444-555555555555", preview.Out, StringComparison.Ordinal);
        Assert.True(prune.ExitCode == 0, prune.ToString());
        Assert.Equal(count - 1, _emulator.Store.MappingCount);
        Assert.DoesNotContain(_emulator.Store.GetAllMappings(), m => m.CustomerSubscriptionId.StartsWith("11111111", StringComparison.Ordinal));
    }
}
