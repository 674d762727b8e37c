using Provisioning.Config;
using Provisioning.Diagnostics;

namespace Provisioning.Azure;

/// <summary>
/// Builds the ARM client of a cloud from what the user set — <c>--credential</c>, <see cref="CredentialVariable"/>, the
/// credential kind's own variables and <see cref="TrustThumbprintVariable"/> — checking every one of them before anything is
/// contacted. A problem is a <see cref="DiagnosticException"/> of input origin (exit code 2) naming the setting.
/// </summary>
public static class AzureConnection
{
    /// <summary>The environment variable that picks the credential when <c>--credential</c> is not given (see <see cref="AzureCredentials.Kinds"/>).</summary>
    public const string CredentialVariable = "PROVISION_CREDENTIAL";

    /// <summary>
    /// The environment variable holding the SHA-1 or SHA-256 hex thumbprint of the one certificate to trust from a custom
    /// cloud endpoint on loopback (a standalone emulator prints it at start-up); ignored for any other host.
    /// </summary>
    public const string TrustThumbprintVariable = "PROVISION_TRUST_CERT_THUMBPRINT";

    /// <summary>
    /// Creates the client for <paramref name="cloud"/> (not the local cloud, whose embedded emulator the caller starts):
    /// the credential named by <paramref name="credentialOption"/> (the <c>--credential</c> value; empty is an unknown kind), else by
    /// <see cref="CredentialVariable"/>, else <c>default</c>; the token scope of the cloud, or <c>{endpoint}/.default</c>;
    /// for a loopback endpoint, the certificate of <see cref="TrustThumbprintVariable"/>. <paramref name="configure"/> may
    /// adjust the options last (e.g. the HTTP log).
    /// </summary>
    public static AzureStackResourceClient CreateClient(
        CloudSpec cloud, string? credentialOption, Func<string, string?> environment, Action<AzureStackClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(cloud);
        ArgumentNullException.ThrowIfNull(environment);
        var endpoint = cloud.ArmEndpoint
            ?? throw new DiagnosticException(DiagnosticCatalog.EndpointUnusable(cloud.Name, "the cloud has no ARM endpoint."));
        if (!endpoint.IsAbsoluteUri || (endpoint.Scheme != Uri.UriSchemeHttps && !Loopback.IsPlainHttp(endpoint)))
        {
            throw new DiagnosticException(DiagnosticCatalog.EndpointUnusable(Safe(endpoint), "it must be https:// (plain http:// only on loopback, for the emulator)."));
        }

        if (endpoint.UserInfo.Length > 0 || endpoint.Query.Length > 0 || endpoint.Fragment.Length > 0)
        {
            // A secret in the URL would be sent and printed; sign-in goes through a credential kind (e.g. access-token).
            throw new DiagnosticException(DiagnosticCatalog.EndpointUnusable(Safe(endpoint),
                "it carries user information, a query or a fragment (never put a password or token in the URL; use --credential access-token)."));
        }

        var (kind, source) = KindOf(credentialOption, environment);
        var credential = AzureCredentials.Create(kind, cloud, environment, kindSource: source);
        var thumbprint = Loopback.Is(endpoint) ? environment(TrustThumbprintVariable)?.Trim() : null;
        if (!string.IsNullOrEmpty(thumbprint) && LoopbackTransport.ProblemWith(thumbprint) is { } problem)
        {
            throw new DiagnosticException(DiagnosticCatalog.ThumbprintInvalid(TrustThumbprintVariable, thumbprint, problem));
        }

        var options = new AzureStackClientOptions(endpoint, cloud.TokenScope);
        if (!string.IsNullOrEmpty(thumbprint))
        {
            options.TrustedServerCertificateThumbprint = thumbprint;
        }

        configure?.Invoke(options);
        try
        {
            return new AzureStackResourceClient(credential, options);
        }
        catch (ArgumentException e)
        {
            throw new DiagnosticException(DiagnosticCatalog.EndpointUnusable(Safe(endpoint), e.Message.Replace(endpoint.ToString(), Safe(endpoint), StringComparison.Ordinal)), e);
        }
    }

    /// <summary>
    /// Refuses an unknown credential kind (PRV120) for a cloud that needs no sign-in (the local cloud, whose embedded
    /// emulator takes a fixed token): a typo in <c>--credential</c> is reported wherever it is made, not only where it matters.
    /// </summary>
    public static void CheckCredentialKind(string? credentialOption, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var (kind, source) = KindOf(credentialOption, environment);
        if (kind is not null && !AzureCredentials.Kinds.Contains(kind.ToLowerInvariant()) && !string.Equals(kind, AzureCredentials.LocalEmulatorKind, StringComparison.OrdinalIgnoreCase))
        {
            throw new DiagnosticException(DiagnosticCatalog.UnknownCredentialKind(source, kind, AzureCredentials.Kinds));
        }
    }

    /// <summary>The kind named by <c>--credential</c>, else by <see cref="CredentialVariable"/>, with where it came from.</summary>
    private static (string? Kind, string Source) KindOf(string? credentialOption, Func<string, string?> environment) =>
        credentialOption is not null
            ? (credentialOption, "--credential")
            : (environment(CredentialVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment : null, "$" + CredentialVariable);

    /// <summary>The endpoint without user information, query or fragment (a password or token in a URL is never echoed).</summary>
    private static string Safe(Uri endpoint) =>
        SafeUri.WithPath(endpoint);
}
