namespace Provisioning.EndToEnd.Tests.Fleet;

/// <summary>init --from-azure on the local cloud reads the embedded emulator's data in the project folder, as every local run does.</summary>
public sealed class AdoptLocalFleetTests : IDisposable
{
    private const string Subscription = "6513270e-269e-4d37-b2a7-4de452e6b438";

    private readonly StackFolder _source = new(StackFolder.LocalStackYaml);
    private readonly string _target = Path.Combine(Path.GetTempPath(), "provision-local-fleet-" + Guid.NewGuid().ToString("N")[..12]);

    public void Dispose()
    {
        _source.Dispose();
        if (Directory.Exists(_target))
        {
            Directory.Delete(_target, recursive: true);
        }
    }

    [Fact]
    public async Task Init_from_the_local_emulators_data_declares_what_up_created_elsewhere()
    {
        // Arrange: the repository's local stack created in one folder; its emulator data ("Azure") copied to a new one.
        var up = await Cli.RunAsync(null, "up", "--stack", "local", "--cwd", _source.Path, "--yes");
        Assert.True(up.ExitCode == 0, up.ToString());
        var created = up.OutLines.Count(l => l.StartsWith("+ created", StringComparison.Ordinal));
        Directory.CreateDirectory(Path.Combine(_target, ".provision", "emulator"));
        File.Copy(_source.EmulatorData, Path.Combine(_target, ".provision", "emulator", "arm.json"));

        // Act
        var init = await Cli.RunAsync(null, "init", "--cwd", _target, "--project", "adopted", "--stack", "local", "--cloud", "local", "--from-azure", "--subscription", Subscription);
        var preview = await Cli.RunAsync(null, "preview", "--cwd", _target, "--stack", "local", "--expect-no-changes", "--fail-on-unmanaged");

        // Assert
        Assert.True(init.ExitCode == 0, init.ToString());
        Assert.Contains($"and {created} mapping(s); {created} were recorded in its state", init.Out, StringComparison.Ordinal);
        Assert.True(preview.ExitCode == 0, preview.ToString());
        var stack = await File.ReadAllTextAsync(Path.Combine(_target, "Pulumi.local.yaml"));
        Assert.Contains("  adopted:cloud: local\n", stack, StringComparison.Ordinal);
        Assert.Contains("    d23f0824-128b-4f33-8c5c-7fd0a6a3a450:\n      subscriptionId: 6513270e-269e-4d37-b2a7-4de452e6b438\n      resourceGroup: azurestack\n      name: azurestack-d23f0824-128b-4f33-8c5c-7fd0a6a3a450\n", stack, StringComparison.Ordinal);
    }
}
