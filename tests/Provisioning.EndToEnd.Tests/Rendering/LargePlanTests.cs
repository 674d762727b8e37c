using Xunit.Abstractions;

namespace Provisioning.EndToEnd.Tests.Rendering;

/// <summary>A plan of hundreds of mappings stays readable: one line per step, grouped by registration.</summary>
public sealed class LargePlanTests(ITestOutputHelper output) : IAsyncLifetime, IDisposable
{
    private const int TenantsPerRegistration = 200;
    private ArmEmulator.ArmEmulator _emulator = null!;
    private readonly StackFolder _folder = new(RenderingStack.Yaml(Enumerable.Range(1, TenantsPerRegistration)));

    public async Task InitializeAsync() => _emulator = await ArmEmulator.ArmEmulator.StartAsync(new ArmEmulator.ArmEmulatorOptions());

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_preview_of_600_creates_on_a_160_column_console_fits_in_650_lines()
    {
        var preview = await NarrowCli.RunAsync(new EmulatorProviderFactory(_emulator), 160, "preview", "--stack", "local", "--cwd", _folder.Path);

        Assert.True(preview.ExitCode == 0, preview.ToString()[..Math.Min(4000, preview.ToString().Length)]);
        var lines = preview.Out.TrimEnd('\n').Split('\n');
        output.WriteLine($"{lines.Length} lines for {3 * TenantsPerRegistration} creates");
        Assert.True(lines.Length <= 650, $"{lines.Length} lines");
        var steps = lines.Where(l => l.StartsWith("  + create ", StringComparison.Ordinal)).ToList();
        Assert.Equal(3 * TenantsPerRegistration, steps.Count);
        Assert.All(steps, l => Assert.DoesNotContain("/subscriptions/", l, StringComparison.Ordinal));
        foreach (var registration in RenderingStack.Registrations)
        {
            var name = RenderingStack.RegistrationName(registration);
            Assert.Single(lines, l => l.StartsWith($"Registration {name}  (resource group azurestack, subscription {RenderingStack.Subscription})", StringComparison.Ordinal));
            Assert.Single(lines, l => l == $"  {name}: {TenantsPerRegistration} to create");
        }

        Assert.Contains($"  + create north-tenant-200  tenant {RenderingStack.TenantId(200)}", lines);
    }

    [Fact]
    public async Task With_show_ids_every_step_line_carries_its_full_arm_id()
    {
        var preview = await NarrowCli.RunAsync(new EmulatorProviderFactory(_emulator), 4096, "preview", "--stack", "local", "--cwd", _folder.Path, "--show-ids");

        Assert.True(preview.ExitCode == 0, preview.ToString()[..Math.Min(4000, preview.ToString().Length)]);
        var line = Assert.Single(preview.OutLines, l => l.StartsWith("+ create east-tenant-007 ", StringComparison.Ordinal));
        Assert.EndsWith(RenderingStack.MappingId("east", 7), line, StringComparison.Ordinal);
    }
}
