
namespace Provisioning.ArmEmulator;

/// <summary>A host lifetime that leaves Ctrl+C and SIGTERM to the host process: the embedding program owns them.</summary>
internal sealed class EmbeddedHostLifetime : IHostLifetime
{
    /// <inheritdoc />
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
