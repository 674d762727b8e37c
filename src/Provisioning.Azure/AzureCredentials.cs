using Azure.Core;
using Azure.Identity;
using Provisioning.Config;
using Provisioning.Diagnostics;

namespace Provisioning.Azure;

/// <summary>
/// Creates the credential named by a kind (<c>--credential</c>), with the cloud's authority host. Every setting a kind
/// needs is checked here, before anything is contacted: a problem is a <see cref="DiagnosticException"/> of input
/// origin (exit code 2). The credential returned reports a failure to get a token as a <see cref="DiagnosticException"/>
/// of environment origin (PRV125, exit code 1) listing each credential's reason, never a token.
/// </summary>
public static class AzureCredentials
{
    /// <summary>The kind that sends the emulator's fixed, non-secret token: only for the local cloud or a loopback endpoint.</summary>
    public const string LocalEmulatorKind = "local-emulator";

    /// <summary>The kind that sends a bearer token given in <see cref="AccessTokenVariable"/> or <see cref="AccessTokenFileVariable"/>.</summary>
    public const string AccessTokenKind = "access-token";

    /// <summary>The environment variable holding the token of the <c>access-token</c> kind.</summary>
    public const string AccessTokenVariable = "PROVISION_ACCESS_TOKEN";

    /// <summary>The environment variable naming a file that holds the token of the <c>access-token</c> kind (read again whenever a token is needed).</summary>
    public const string AccessTokenFileVariable = "PROVISION_ACCESS_TOKEN_FILE";

    private static readonly Dictionary<string, Uri> AuthorityHosts = new(StringComparer.OrdinalIgnoreCase)
    {
        [CloudSpec.AzureCloud.Name] = AzureAuthorityHosts.AzurePublicCloud,
        [CloudSpec.AzureChinaCloud.Name] = AzureAuthorityHosts.AzureChina,
        [CloudSpec.AzureUSGovernment.Name] = AzureAuthorityHosts.AzureGovernment,
    };

    private const string TenantVariable = "AZURE_TENANT_ID";
    private const string ClientVariable = "AZURE_CLIENT_ID";
    private const string SecretVariable = "AZURE_CLIENT_SECRET";
    private const string CertificateVariable = "AZURE_CLIENT_CERTIFICATE_PATH";
    private const string FederatedTokenFileVariable = "AZURE_FEDERATED_TOKEN_FILE";
    private const string ActionsUrlVariable = "ACTIONS_ID_TOKEN_REQUEST_URL";
    private const string ActionsTokenVariable = "ACTIONS_ID_TOKEN_REQUEST_TOKEN";
    private const string DefaultKind = "default";

    // One connection pool for the GitHub OIDC callback of every credential; the handler lives as long as the process.
    private static readonly HttpClient GitHubHttp = new();

    /// <summary>
    /// The kinds <see cref="Create(string?, CloudSpec)"/> accepts for any cloud (<see cref="LocalEmulatorKind"/> is accepted
    /// besides, for the local cloud or a loopback endpoint only).
    /// </summary>
    public static IReadOnlyList<string> Kinds { get; } =
        [DefaultKind, "environment", "client-secret", "client-certificate", "workload-identity", "github-oidc", "azure-cli", "managed-identity", AccessTokenKind];

    /// <summary>
    /// Creates the credential of <paramref name="kind"/> reading the process environment: null or <c>default</c> is
    /// <see cref="DefaultAzureCredential"/> (or <see cref="LocalEmulatorCredential"/> for the local cloud). An unknown kind
    /// (PRV120), a kind whose environment variables are missing (PRV121) or unusable (PRV122) throws a <see cref="DiagnosticException"/>.
    /// </summary>
    public static TokenCredential Create(string? kind, CloudSpec cloud) => Create(kind, cloud, Environment.GetEnvironmentVariable);

    /// <summary>
    /// Creates the credential of <paramref name="kind"/> as <see cref="Create(string?, CloudSpec)"/> does, reading environment
    /// variables through <paramref name="environment"/>; <paramref name="kindSource"/> names where the kind came from
    /// (default <c>--credential</c>) for the diagnostics.
    /// </summary>
    public static TokenCredential Create(string? kind, CloudSpec cloud, Func<string, string?> environment, HttpMessageInvoker? gitHubHttp = null, string kindSource = "--credential")
    {
        ArgumentNullException.ThrowIfNull(cloud);
        ArgumentNullException.ThrowIfNull(environment);
        var authority = AuthorityHostOf(cloud);
        var name = kind?.ToLowerInvariant() ?? DefaultKind;
        var local = cloud.IsLocal || cloud.ArmEndpoint is { } endpoint && Loopback.Is(endpoint);
        try
        {
            return Create(name, kind, kindSource, cloud, local, authority, environment, gitHubHttp);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException)
        {
            // Azure.Identity reads variables of its own when a credential is made (AZURE_TOKEN_CREDENTIALS, AZURE_AUTHORITY_HOST…).
            throw Invalid(name, name == DefaultKind ? "$" + DefaultAzureCredential.DefaultEnvironmentVariableName : "the environment", e.Message);
        }
    }

    private static TokenCredential Create(
        string name, string? kind, string kindSource, CloudSpec cloud, bool local, Uri? authority, Func<string, string?> environment, HttpMessageInvoker? gitHubHttp)
    {
        TokenCredential credential;
        switch (name)
        {
            case DefaultKind:
                if (cloud.IsLocal)
                {
                    return new LocalEmulatorCredential();
                }

                credential = new DefaultAzureCredential(WithAuthority(new DefaultAzureCredentialOptions(), authority));
                break;
            case LocalEmulatorKind when local:
                return new LocalEmulatorCredential();
            case "environment":
                Require(name, environment, TenantVariable, ClientVariable);
                if (string.IsNullOrEmpty(environment(SecretVariable)) && string.IsNullOrEmpty(environment(CertificateVariable)))
                {
                    throw new DiagnosticException(DiagnosticCatalog.CredentialVariablesMissing(name, [SecretVariable], $" (or {CertificateVariable})"));
                }

                RequireFile(name, environment, CertificateVariable);
                credential = new EnvironmentCredential(WithAuthority(new EnvironmentCredentialOptions(), authority));
                break;
            case "client-secret":
                Require(name, environment, TenantVariable, ClientVariable, SecretVariable);
                credential = new EnvironmentCredential(WithAuthority(new EnvironmentCredentialOptions(), authority));
                break;
            case "client-certificate":
                Require(name, environment, TenantVariable, ClientVariable, CertificateVariable);
                if (!string.IsNullOrEmpty(environment(SecretVariable)))
                {
                    // EnvironmentCredential prefers the secret; asking for a certificate must not silently use it.
                    throw Invalid(name, "$" + SecretVariable, $"it is set, and it would win over the certificate in {CertificateVariable}. Unset {SecretVariable}.");
                }

                RequireFile(name, environment, CertificateVariable);
                credential = new EnvironmentCredential(WithAuthority(new EnvironmentCredentialOptions(), authority));
                break;
            case "workload-identity":
                Require(name, environment, TenantVariable, ClientVariable, FederatedTokenFileVariable);
                RequireFile(name, environment, FederatedTokenFileVariable);
                credential = new WorkloadIdentityCredential(WithAuthority(new WorkloadIdentityCredentialOptions(), authority));
                break;
            case "github-oidc":
                Require(name, environment, TenantVariable, ClientVariable, ActionsUrlVariable, ActionsTokenVariable);
                if (!Uri.TryCreate(environment(ActionsUrlVariable), UriKind.Absolute, out var requestUrl) || requestUrl.Scheme != Uri.UriSchemeHttps)
                {
                    throw Invalid(name, "$" + ActionsUrlVariable, "it is not an absolute https:// URL (GitHub sets it for a job with 'permissions: id-token: write').");
                }

                var idToken = new GitHubActionsIdToken(requestUrl, environment(ActionsTokenVariable)!, gitHubHttp ?? GitHubHttp);
                credential = new ClientAssertionCredential(environment(TenantVariable), environment(ClientVariable), idToken.GetAsync,
                    WithAuthority(new ClientAssertionCredentialOptions(), authority));
                break;
            case "azure-cli":
                // The CLI signs in to its own configured cloud (az cloud set).
                credential = new AzureCliCredential();
                break;
            case "managed-identity":
                credential = new ManagedIdentityCredential(WithAuthority(new ManagedIdentityCredentialOptions(ManagedIdentityFrom(environment)), authority));
                break;
            case AccessTokenKind:
                credential = AccessTokenCredential.FromEnvironment(environment, TimeProvider.System);
                break;
            default:
                throw new DiagnosticException(DiagnosticCatalog.UnknownCredentialKind(kindSource, kind ?? string.Empty, Kinds,
                    name == LocalEmulatorKind ? $"'{LocalEmulatorKind}' is accepted only for the local cloud or an endpoint on loopback." : null));
        }

        return new KindCredential(name, credential);
    }

    /// <summary>The Entra authority host of a named cloud, or null (Azure.Identity's default, or AZURE_AUTHORITY_HOST) for others.</summary>
    public static Uri? AuthorityHostOf(CloudSpec cloud)
    {
        ArgumentNullException.ThrowIfNull(cloud);
        return AuthorityHosts.GetValueOrDefault(cloud.Name);
    }

    private static void Require(string kind, Func<string, string?> environment, params string[] names)
    {
        var missing = names.Where(n => string.IsNullOrEmpty(environment(n))).ToList();
        if (missing.Count > 0)
        {
            var hint = missing.Any(n => n.StartsWith("ACTIONS_", StringComparison.Ordinal))
                ? " (GitHub sets the ACTIONS_ID_TOKEN_REQUEST_* variables only for a job with 'permissions: id-token: write')"
                : string.Empty;
            throw new DiagnosticException(DiagnosticCatalog.CredentialVariablesMissing(kind, missing, hint));
        }
    }

    /// <summary>Refuses a variable that names a file that is not there (a certificate may also name a store: <c>cert:/…</c>).</summary>
    private static void RequireFile(string kind, Func<string, string?> environment, string variable)
    {
        if (environment(variable) is { Length: > 0 } path && !path.StartsWith("cert:", StringComparison.OrdinalIgnoreCase) && !File.Exists(path))
        {
            throw Invalid(kind, "$" + variable, $"the file '{path}' does not exist.");
        }
    }

    private static DiagnosticException Invalid(string kind, string setting, string problem) =>
        new(DiagnosticCatalog.CredentialSettingInvalid(kind, setting, problem));

    // A user-assigned identity is named by AZURE_CLIENT_ID, as Azure.Identity's own chain does; otherwise the system-assigned one.
    private static ManagedIdentityId ManagedIdentityFrom(Func<string, string?> environment) =>
        environment(ClientVariable) is { Length: > 0 } clientId
            ? ManagedIdentityId.FromUserAssignedClientId(clientId)
            : ManagedIdentityId.SystemAssigned;

    private static T WithAuthority<T>(T options, Uri? authority)
        where T : TokenCredentialOptions
    {
        if (authority is not null)
        {
            options.AuthorityHost = authority;
        }

        return options;
    }
}
