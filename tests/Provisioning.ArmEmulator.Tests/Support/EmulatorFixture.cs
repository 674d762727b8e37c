namespace Provisioning.ArmEmulator.Tests;

/// <summary>One HTTPS emulator on a port the OS chooses, shared by the tests of a class.</summary>
public class EmulatorFixture : IAsyncLifetime, IDisposable
{
    private ArmEmulator? _emulator;
    private ArmTestClient? _client;

    public ArmEmulator Emulator => _emulator ?? throw new InvalidOperationException("The emulator has not started.");

    public ArmTestClient Client => _client ?? throw new InvalidOperationException("The emulator has not started.");

    protected virtual ArmEmulatorOptions Options => new();

    public async Task InitializeAsync()
    {
        _emulator = await ArmEmulator.StartAsync(Options);
        _client = new ArmTestClient(_emulator);
    }

    public async Task DisposeAsync()
    {
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }

    public void Dispose()
    {
        _client?.Dispose();
        GC.SuppressFinalize(this);
    }
}
