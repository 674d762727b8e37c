namespace Provisioning.EndToEnd.Tests.Programs;

/// <summary>One temporary program folder for the whole class, built once by a first preview (a build takes seconds).</summary>
public sealed class ProgramFixture : IAsyncLifetime
{
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "provision-program-" + Guid.NewGuid().ToString("N")[..12]);

    /// <summary>What the first, building preview printed.</summary>
    public CliResult FirstRun { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        ProgramTemplate.Write(Folder);
        await using var emulator = await ArmEmulator.ArmEmulator.StartAsync(new ArmEmulator.ArmEmulatorOptions());
        FirstRun = await Cli.RunAsync(new EmulatorProviderFactory(emulator), "preview", "--stack", "ok", "--cwd", Folder);
    }

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }

        return Task.CompletedTask;
    }
}
