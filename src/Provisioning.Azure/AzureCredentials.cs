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

    /// <summary>The kinds <see cref="Create"/> accepts.</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["default", "environment", "workload-identity", "azure-cli", "managed-identity"];

    /// <summary>
    /// Creates the credential of <paramref name="kind"/>: null or <c>default</c> is <see cref="DefaultAzureCredential"/>
    /// (or <see cref="LocalEmulatorCredential"/> for the local cloud); an unknown kind throws <see cref="ArgumentException"/>.
    /// </summary>
    public static TokenCredential Create(string? kind, CloudSpec cloud)
    {
        ArgumentNullException.ThrowIfNull(cloud);
        var authority = AuthorityHostOf(cloud);
        switch (kind?.ToLowerInvariant())
        {
            case null or "default":
                return cloud.IsLocal
                    ? new LocalEmulatorCredential()
                    : new DefaultAzureCredential(WithAuthority(new DefaultAzureCredentialOptions(), authority));
            case "environment":
                return new EnvironmentCredential(WithAuthority(new EnvironmentCredentialOptions(), authority));
            case "workload-identity":
                return new WorkloadIdentityCredential(WithAuthority(new WorkloadIdentityCredentialOptions(), authority));
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
