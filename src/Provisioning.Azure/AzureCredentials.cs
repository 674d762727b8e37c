using Azure.Core;
using Azure.Identity;
using Provisioning.Config;

namespace Provisioning.Azure;

/// <summary>Creates the Azure.Identity credential named by a kind (<c>--credential</c>), with the cloud's authority host.</summary>
public static class AzureCredentials
{
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

    // One connection pool for the GitHub OIDC callback of every credential; the handler lives as long as the process.
    private static readonly HttpClient GitHubHttp = new();

    /// <summary>The kinds <see cref="Create(string?, CloudSpec)"/> accepts.</summary>
    public static IReadOnlyList<string> Kinds { get; } =
        ["default", "environment", "client-secret", "client-certificate", "workload-identity", "github-oidc", "azure-cli", "managed-identity"];

    /// <summary>
    /// Creates the credential of <paramref name="kind"/> reading the process environment: null or <c>default</c> is
    /// <see cref="DefaultAzureCredential"/> (or <see cref="LocalEmulatorCredential"/> for the local cloud); an unknown
    /// kind, or a CI kind whose environment variables are missing, throws <see cref="ArgumentException"/>.
    /// </summary>
    public static TokenCredential Create(string? kind, CloudSpec cloud) => Create(kind, cloud, Environment.GetEnvironmentVariable);

    /// <summary>Creates the credential of <paramref name="kind"/>, reading environment variables through <paramref name="environment"/>.</summary>
    public static TokenCredential Create(string? kind, CloudSpec cloud, Func<string, string?> environment, HttpMessageInvoker? gitHubHttp = null)
    {
        ArgumentNullException.ThrowIfNull(cloud);
        ArgumentNullException.ThrowIfNull(environment);
        var authority = AuthorityHostOf(cloud);
        switch (kind?.ToLowerInvariant())
        {
            case null or "default":
                return cloud.IsLocal
                    ? new LocalEmulatorCredential()
                    : new DefaultAzureCredential(WithAuthority(new DefaultAzureCredentialOptions(), authority));
            case "environment":
                return new EnvironmentCredential(WithAuthority(new EnvironmentCredentialOptions(), authority));
            case "client-secret":
                Require(kind, environment, TenantVariable, ClientVariable, SecretVariable);
                return new EnvironmentCredential(WithAuthority(new EnvironmentCredentialOptions(), authority));
            case "client-certificate":
                Require(kind, environment, TenantVariable, ClientVariable, CertificateVariable);
                if (!string.IsNullOrEmpty(environment(SecretVariable)))
                {
                    // EnvironmentCredential prefers the secret; asking for a certificate must not silently use it.
                    throw new ArgumentException($"The credential 'client-certificate' needs {SecretVariable} unset (it would win over the certificate).", nameof(kind));
                }

                return new EnvironmentCredential(WithAuthority(new EnvironmentCredentialOptions(), authority));
            case "workload-identity":
                Require(kind, environment, TenantVariable, ClientVariable, FederatedTokenFileVariable);
                return new WorkloadIdentityCredential(WithAuthority(new WorkloadIdentityCredentialOptions(), authority));
            case "github-oidc":
                Require(kind, environment, TenantVariable, ClientVariable, ActionsUrlVariable, ActionsTokenVariable);
                if (!Uri.TryCreate(environment(ActionsUrlVariable), UriKind.Absolute, out var requestUrl))
                {
                    throw new ArgumentException($"The credential 'github-oidc' needs {ActionsUrlVariable} to be an absolute URL.", nameof(kind));
                }

                var idToken = new GitHubActionsIdToken(requestUrl, environment(ActionsTokenVariable)!, gitHubHttp ?? GitHubHttp);
                return new ClientAssertionCredential(environment(TenantVariable), environment(ClientVariable), idToken.GetAsync,
                    WithAuthority(new ClientAssertionCredentialOptions(), authority));
            case "azure-cli":
                // The CLI signs in to its own configured cloud (az cloud set).
                return new AzureCliCredential();
            case "managed-identity":
                return new ManagedIdentityCredential(WithAuthority(new ManagedIdentityCredentialOptions(ManagedIdentityFromEnvironment()), authority));
            default:
                throw new ArgumentException($"Unknown credential kind '{kind}'; use one of: {string.Join(", ", Kinds)}.", nameof(kind));
        }
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
            var hint = names.Contains(ActionsTokenVariable)
                ? " (GitHub sets the ACTIONS_ID_TOKEN_REQUEST_* variables only for a job with 'permissions: id-token: write')"
                : string.Empty;
            throw new ArgumentException($"The credential '{kind}' needs the environment variable(s) {string.Join(", ", missing)}{hint}.", nameof(kind));
        }
    }

    // A user-assigned identity is named by AZURE_CLIENT_ID, as Azure.Identity's own chain does; otherwise the system-assigned one.
    private static ManagedIdentityId ManagedIdentityFromEnvironment() =>
        Environment.GetEnvironmentVariable("AZURE_CLIENT_ID") is { Length: > 0 } clientId
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
