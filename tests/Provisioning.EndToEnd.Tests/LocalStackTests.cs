using Provisioning.ArmEmulator;
using Provisioning.Config;

namespace Provisioning.EndToEnd.Tests;

/// <summary>
/// The README's main job, end to end: the real CLI, the real ARM client and the embedded emulator
/// over loopback HTTPS, on a copy of the repository's local stack.
/// </summary>
public sealed class LocalStackTests : IDisposable
{
    private readonly StackFolder _folder = new(StackFolder.LocalStackYaml);

    [Fact]
    public async Task Up_preview_remove_a_tenant_and_destroy_converge_on_the_embedded_emulator()
    {
        var expected = ExpectedMappingCount();
        Assert.True(expected >= 10);

        var up = await Cli.RunAsync(null, "up", "--stack", "local", "--cwd", _folder.Path, "--yes");
        Assert.True(up.ExitCode == 0, up.ToString());
        Assert.Equal(expected, up.OutLines.Count(l => l.StartsWith("+ created", StringComparison.Ordinal)));
        Assert.Equal(expected, (await MappingsAsync()).Count);

        var clean = await Cli.RunAsync(null, "preview", "--stack", "local", "--cwd", _folder.Path, "--expect-no-changes");
        Assert.True(clean.ExitCode == 0, clean.ToString());
        Assert.Contains("No changes", clean.Out, StringComparison.Ordinal);

        _folder.RemoveTenant("northwind");
        var drift = await Cli.RunAsync(null, "preview", "--stack", "local", "--cwd", _folder.Path, "--expect-no-changes");
        Assert.True(drift.ExitCode == 3, drift.ToString());
        var steps = drift.OutLines.Where(l => l.StartsWith("+ ", StringComparison.Ordinal) || l.StartsWith("~ ", StringComparison.Ordinal) || l.StartsWith("- ", StringComparison.Ordinal)).ToList();
        var delete = Assert.Single(steps);
        Assert.StartsWith("- delete", delete, StringComparison.Ordinal);
        Assert.StartsWith("- delete west-northwind  tenant ", delete, StringComparison.Ordinal);
        Assert.Equal(expected, (await MappingsAsync()).Count);

        var destroy = await Cli.RunAsync(null, "destroy", "--stack", "local", "--cwd", _folder.Path, "--yes");
        Assert.True(destroy.ExitCode == 0, destroy.ToString());
        Assert.Empty(await MappingsAsync());
    }

    [Fact]
    public async Task Up_without_yes_off_a_terminal_is_refused_and_changes_nothing()
    {
        var up = await Cli.RunAsync(null, "up", "--stack", "local", "--cwd", _folder.Path);

        Assert.Equal(2, up.ExitCode);
        Assert.Contains("--yes", up.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_folder.EmulatorData));
    }

    [Fact]
    public async Task A_second_up_sends_no_request_but_the_lists()
    {
        Assert.Equal(0, (await Cli.RunAsync(null, "up", "--stack", "local", "--cwd", _folder.Path, "--yes")).ExitCode);

        var again = await Cli.RunAsync(null, "up", "--stack", "local", "--cwd", _folder.Path, "--yes");

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("No changes", again.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("created", again.Out, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();

    private async Task<IReadOnlyList<EmulatorMapping>> MappingsAsync()
    {
        await using var emulator = await ArmEmulator.ArmEmulator.StartAsync(new ArmEmulatorOptions { DataFile = _folder.EmulatorData });
        return emulator.Store.GetAllMappings();
    }

    /// <summary>One mapping per (tenant, registration) pair, as the stack file declares them.</summary>
    private int ExpectedMappingCount()
    {
        var loaded = StackLoader.Load(_folder.Path, "local");
        Assert.False(loaded.HasErrors, string.Join("\n", loaded.Diagnostics));
        return loaded.Stack!.Tenants.Sum(t => t.Mappings.Count);
    }

    [Fact]
    public async Task A_prod_stack_on_another_cloud_declaring_the_same_ids_does_not_block_the_local_stacks_destroy()
    {
        // Another cloud is another Azure: the prod stack's identical ids are not the local stack's siblings.
        File.WriteAllText(Path.Combine(_folder.Path, "Pulumi.prod.yaml"), StackFolder.LocalStackYaml.Replace("cloud: local", "cloud: AzureCloud", StringComparison.Ordinal));
        Assert.Equal(0, (await Cli.RunAsync(null, "up", "--stack", "local", "--cwd", _folder.Path, "--yes")).ExitCode);

        var destroy = await Cli.RunAsync(null, "destroy", "--stack", "local", "--cwd", _folder.Path, "--yes");

        Assert.True(destroy.ExitCode == 0, destroy.ToString());
        Assert.DoesNotContain("PRV143", destroy.Error, StringComparison.Ordinal);
    }
}
