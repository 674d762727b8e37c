using Provisioning.Engine;
using Provisioning.ArmEmulator;
using Provisioning.Azure;
using Provisioning.Config;
using Provisioning.Diagnostics;

namespace Provisioning.Cli.Engine;

/// <summary>
/// Connects to Azure with the ARM client, or, for the <c>local</c> cloud, starts the embedded
/// emulator on loopback (plain HTTP) with its data in the work folder, so successive commands see the
/// same "Azure". The emulator's stamps are registered from the stack, as an operator would have done.
/// </summary>
internal sealed class DefaultProviderFactory : IProviderFactory
{
    /// <summary>The environment variable that picks the credential when <c>--credential</c> is not given (see <see cref="AzureCredentials.Kinds"/>).</summary>
    public const string CredentialVariable = AzureConnection.CredentialVariable;

    /// <summary>The environment variable that turns on the HTTP log on stderr when set to <c>1</c> or <c>true</c>, as <c>--verbose</c> does.</summary>
    public const string VerboseVariable = "PROVISION_VERBOSE";

    /// <summary>
    /// The environment variable holding the SHA-1 or SHA-256 hex thumbprint of the one certificate to trust from a custom
    /// cloud endpoint on loopback (a standalone emulator prints it at start-up); ignored for any other host.
    /// </summary>
    public const string TrustThumbprintVariable = AzureConnection.TrustThumbprintVariable;

    /// <summary>The credential kind that sends the emulator's fixed token; accepted only for a custom endpoint on loopback.</summary>
    public const string LocalEmulatorKind = AzureCredentials.LocalEmulatorKind;

    /// <summary>Gets or sets the credential kind from <c>--credential</c>; null falls back to <see cref="CredentialVariable"/>.</summary>
    public string? CredentialKind { get; set; }

    /// <summary>Gets or sets where <c>--verbose</c> (or <see cref="VerboseVariable"/>) writes one line per HTTP attempt; null logs nothing.</summary>
    public Action<string>? HttpLog { get; set; }

    /// <summary>List page size of the embedded emulator: large pages keep a refresh of a big local stack to few round trips.</summary>
    private const int LocalPageSize = 1000;

    /// <inheritdoc />
    public async Task<ProviderConnection> ConnectAsync(StackDefinition stack, WorkFolder folder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stack);
        ArgumentNullException.ThrowIfNull(folder);
        if (!stack.Cloud.IsLocal)
        {
            // Every setting (credential kind and its variables, a standalone emulator's thumbprint) is checked before
            // anything is contacted; a problem is a DiagnosticException for the CLI's gate.
            var client = AzureConnection.CreateClient(stack.Cloud, CredentialKind, Environment.GetEnvironmentVariable, options => options.HttpLog = HttpLog);
            return new ProviderConnection(client, client.Endpoint.ToString());
        }

        // The embedded emulator needs no sign-in, but a credential kind that does not exist is still a mistake to report.
        AzureConnection.CheckCredentialKind(CredentialKind, Environment.GetEnvironmentVariable);
        Directory.CreateDirectory(Path.GetDirectoryName(folder.EmulatorDataPath)!);
        // Plain HTTP on loopback (as the contract allows for the emulator): no certificate to make, no TLS handshake.
        var emulator = await ArmEmulator.ArmEmulator.StartAsync(new ArmEmulatorOptions { DataFile = folder.EmulatorDataPath, PageSize = LocalPageSize, UseHttps = false }, cancellationToken);
        try
        {
            var known = emulator.Store.GetRegistrations().Select(k => k.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var r in stack.Registrations.Where(r => !known.Contains(r.Id.ToString())))
            {
                try
                {
                    emulator.Store.SeedRegistration(r.SubscriptionId, r.ResourceGroup, r.Name);
                }
                catch (ArgumentException e)
                {
                    // The emulator, like ARM, holds no registration whose id ARM would refuse.
                    throw new DiagnosticException(DiagnosticCatalog.RegistrationArmWouldRefuse(r.Span, r.Key, e.Message), e);
                }
            }

            var options = new AzureStackClientOptions(emulator.BaseUri) { HttpLog = HttpLog };
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
