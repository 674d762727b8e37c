using Provisioning.ArmEmulator;
using Provisioning.Azure;
using Provisioning.Config;

namespace Provisioning.Cli.Engine;

/// <summary>
/// Connects to Azure with the ARM client, or, for the <c>local</c> cloud, starts the embedded
/// emulator on loopback HTTPS with its data in the work folder, so successive commands see the
/// same "Azure". The emulator's stamps are registered from the stack, as an operator would have done.
/// </summary>
internal sealed class DefaultProviderFactory : IProviderFactory
{
    /// <summary>The environment variable that picks the credential (default, environment, workload-identity, azure-cli, managed-identity).</summary>
    public const string CredentialVariable = "PROVISION_CREDENTIAL";

    /// <inheritdoc />
    public async Task<ProviderConnection> ConnectAsync(StackDefinition stack, WorkFolder folder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stack);
        ArgumentNullException.ThrowIfNull(folder);
        if (!stack.Cloud.IsLocal)
        {
            var credential = AzureCredentials.Create(Environment.GetEnvironmentVariable(CredentialVariable), stack.Cloud);
            var client = AzureStackResourceClient.ForCloud(stack.Cloud, credential);
            return new ProviderConnection(client, client.Endpoint.ToString());
        }

        Directory.CreateDirectory(Path.GetDirectoryName(folder.EmulatorDataPath)!);
        var emulator = await ArmEmulator.ArmEmulator.StartAsync(new ArmEmulatorOptions { DataFile = folder.EmulatorDataPath }, cancellationToken);
        try
        {
            var known = emulator.Store.GetRegistrations().Select(k => k.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var r in stack.Registrations.Where(r => !known.Contains(r.Id.ToString())))
            {
                emulator.Store.SeedRegistration(r.SubscriptionId, r.ResourceGroup, r.Name);
            }

            var options = new AzureStackClientOptions(emulator.BaseUri) { TrustedServerCertificate = emulator.Certificate };
            var local = new AzureStackResourceClient(new LocalEmulatorCredential(), options);
            return new ProviderConnection(local, $"embedded ARM emulator at {emulator.BaseUri}", emulator);
        }
        catch
        {
            await emulator.DisposeAsync();
            throw;
        }
    }
}
