using Provisioning.Engine;
using Provisioning.Azure;
using Provisioning.Config;

namespace Provisioning.EndToEnd.Tests;

/// <summary>Connects the CLI to an emulator the test started (real client, real loopback HTTPS), seeding the stack's registrations.</summary>
internal sealed class EmulatorProviderFactory(ArmEmulator.ArmEmulator emulator) : IProviderFactory
{
    public int Connections { get; private set; }

    public Task<ProviderConnection> ConnectAsync(StackDefinition stack, WorkFolder folder, CancellationToken cancellationToken)
    {
        Connections++;
        foreach (var r in stack.Registrations)
        {
            emulator.Store.SeedRegistration(r.SubscriptionId, r.ResourceGroup, r.Name);
        }

        var client = new AzureStackResourceClient(
            new LocalEmulatorCredential(),
            new AzureStackClientOptions(emulator.BaseUri) { TrustedServerCertificate = emulator.Certificate });
        return Task.FromResult(new ProviderConnection(client, emulator.BaseUri.ToString()));
    }
}
