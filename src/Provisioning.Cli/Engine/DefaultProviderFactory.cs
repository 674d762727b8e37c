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
    /// <summary>The environment variable that picks the credential when <c>--credential</c> is not given (see <see cref="AzureCredentials.Kinds"/>).</summary>
    public const string CredentialVariable = "PROVISION_CREDENTIAL";

    /// <summary>The environment variable that turns on the HTTP log on stderr when set to <c>1</c> or <c>true</c>, as <c>--verbose</c> does.</summary>
    public const string VerboseVariable = "PROVISION_VERBOSE";

    /// <summary>Gets or sets the credential kind from <c>--credential</c>; null falls back to <see cref="CredentialVariable"/>.</summary>
    public string? CredentialKind { get; set; }

    /// <summary>Gets or sets where <c>--verbose</c> (or <see cref="VerboseVariable"/>) writes one line per HTTP attempt; null logs nothing.</summary>
    public Action<string>? HttpLog { get; set; }

    /// <inheritdoc />
    public async Task<ProviderConnection> ConnectAsync(StackDefinition stack, WorkFolder folder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stack);
        ArgumentNullException.ThrowIfNull(folder);
        if (!stack.Cloud.IsLocal)
        {
            var credential = AzureCredentials.Create(CredentialKind ?? Environment.GetEnvironmentVariable(CredentialVariable), stack.Cloud);
            var client = AzureStackResourceClient.ForCloud(stack.Cloud, credential, options => options.HttpLog = HttpLog);
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

            var options = new AzureStackClientOptions(emulator.BaseUri) { TrustedServerCertificate = emulator.Certificate, HttpLog = HttpLog };
            var local = new AzureStackResourceClient(new LocalEmulatorCredential(), options);
            return new ProviderConnection(local, $"embedded ARM emulator at {emulator.BaseUri}", emulator);
        }
        catch
        {
            await emulator.DisposeAsync();
            throw;
        }
    }

    /// <summary>Whether <see cref="VerboseVariable"/> asks for the HTTP log.</summary>
    public static bool VerboseFromEnvironment() =>
        Environment.GetEnvironmentVariable(VerboseVariable) is { } value
        && (value == "1" || string.Equals(value, "true", StringComparison.OrdinalIgnoreCase));
}
