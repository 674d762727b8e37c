using Provisioning.Execution;

namespace Provisioning.Engine;

/// <summary>A connected provider, what it talks to (for the output), and whatever must be stopped afterwards.</summary>
public sealed class ProviderConnection(IResourceProvider provider, string endpoint, IAsyncDisposable? owned = null) : IAsyncDisposable
{
    /// <summary>The provider.</summary>
    public IResourceProvider Provider { get; } = provider;

    /// <summary>The ARM endpoint, e.g. <c>https://management.azure.com/</c> or the local emulator's address.</summary>
    public string Endpoint { get; } = endpoint;

    /// <inheritdoc />
    public ValueTask DisposeAsync() => owned?.DisposeAsync() ?? ValueTask.CompletedTask;
}
