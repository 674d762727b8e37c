using Provisioning.ArmEmulator;

namespace Provisioning.EndToEnd.Tests;

/// <summary>Bad input is refused before any request: every problem named with its place, exit 2, nothing sent.</summary>
public sealed class InvalidInputTests : IAsyncLifetime
{
    private ArmEmulator.ArmEmulator _emulator = null!;

    private const string FiveMistakes = """
        config:
          tenant-registrations:cloud: local
          tenant-registrations:registrations:
            west:
              subscriptionId: 6513270e-269e-4d37-b2a7-4de452e6b438
              resourceGroup: azurestack
              name: azurestack-west
            east:
              subscriptionId: not-a-guid
              resourceGroup: azure/stack
              name: azurestack-east
          tenant-registrations:tenants:
            contoso:
              tenantId: 6b0d549b-6f03-475a-9600-a35a099950d8
              subscriptionId: 8d116ece-1738-47d9-bd9c-172411e20b8f
              registrations: [west, esat]
            fabrikam:
              tenantId: 90c192cf-d3ac-44af-8f21-ddb66cad4a2
              subscriptionId: a170b338-3926-4059-b28c-105d1fb17c23
              registrations: [west]
              protect: maybe
            contoso-second-subscription:
              tenantId: 6b0d549b-6f03-475a-9600-a35a099950d8
              subscriptionId: 0fd630f1-f29d-4da9-953f-48f1a09f76b5
              registrations: [west]
        """;

    public async Task InitializeAsync() => _emulator = await ArmEmulator.ArmEmulator.StartAsync(new ArmEmulatorOptions());

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Theory]
    [InlineData("preview")]
    [InlineData("up")]
    [InlineData("destroy")]
    public async Task A_stack_file_with_five_mistakes_gives_every_diagnostic_with_its_place_and_sends_nothing(string verb)
    {
        using var folder = new StackFolder(FiveMistakes);
        var factory = new EmulatorProviderFactory(_emulator);

        string[] args = verb == "preview" ? [verb, "--stack", "local", "--cwd", folder.Path] : [verb, "--stack", "local", "--cwd", folder.Path, "--yes"];
        var run = await Cli.RunAsync(factory, args);

        Assert.True(run.ExitCode == 2, run.ToString());
        var diagnostics = run.Error.Split('\n').Where(l => l.Contains(": error PRV", StringComparison.Ordinal)).ToList();
        Assert.True(diagnostics.Count >= 5, run.ToString());
        Assert.Contains(diagnostics, d => d.Contains("PRV027", StringComparison.Ordinal));
        Assert.All(diagnostics, d => Assert.Matches(@"^Pulumi\.local\.yaml\(\d+,\d+\): error PRV\d{3}: ", d));
        Assert.Equal(0, factory.Connections);
        Assert.Equal(0, _emulator.RequestLog.Count);
        Assert.False(Directory.Exists(Path.Combine(folder.Path, ".provision")));
    }
}
