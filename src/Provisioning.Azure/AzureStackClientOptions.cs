using System.Security.Cryptography.X509Certificates;
using Azure.Core;

namespace Provisioning.Azure;

/// <summary>
/// Options of <see cref="AzureStackResourceClient"/>: the ARM endpoint, the token scope, the
/// api-version and, for the embedded emulator only, the one self-signed certificate to trust.
/// </summary>
public sealed class AzureStackClientOptions : ClientOptions
{
    /// <summary>The api-version used when a caller passes none: <c>2017-06-01</c>.</summary>
    public const string DefaultApiVersion = "2017-06-01";

    private X509Certificate2? _trustedServerCertificate;

    /// <summary>Creates options for <paramref name="endpoint"/> with the token scope <c>{endpoint}/.default</c> unless one is given.</summary>
    public AzureStackClientOptions(Uri endpoint, string? tokenScope = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (!endpoint.IsAbsoluteUri)
        {
            throw new ArgumentException($"The ARM endpoint '{endpoint}' must be an absolute URI.", nameof(endpoint));
        }

        Endpoint = endpoint;
        TokenScope = string.IsNullOrEmpty(tokenScope) ? new Uri(endpoint, "/.default").AbsoluteUri : tokenScope;

        // ARM's correlation id and remaining-quota headers help explain throttling; Azure.Core redacts them otherwise.
        Diagnostics.LoggedHeaderNames.Add("x-ms-correlation-request-id");
        Diagnostics.LoggedHeaderNames.Add("x-ms-ratelimit-remaining-subscription-reads");
        Diagnostics.LoggedHeaderNames.Add("x-ms-ratelimit-remaining-subscription-writes");
        Diagnostics.LoggedHeaderNames.Add("x-ms-ratelimit-remaining-subscription-deletes");
        Diagnostics.IsLoggingContentEnabled = false;
    }

    /// <summary>The ARM endpoint, e.g. <c>https://management.azure.com/</c>; always HTTPS.</summary>
    public Uri Endpoint { get; }

    /// <summary>The scope of the bearer token, e.g. <c>https://management.azure.com/.default</c>.</summary>
    public string TokenScope { get; set; }

    /// <summary>The api-version used when a caller passes an empty one; defaults to <see cref="DefaultApiVersion"/>.</summary>
    public string ApiVersion { get; set; } = DefaultApiVersion;

    /// <summary>
    /// The self-signed certificate of a loopback server (the embedded emulator) to accept by thumbprint; null (the
    /// default) trusts only the system's certificate store. Setting it replaces <see cref="ClientOptions.Transport"/>
    /// with one that accepts exactly this certificate, and only from a loopback host.
    /// </summary>
    public X509Certificate2? TrustedServerCertificate
    {
        get => _trustedServerCertificate;
        set
        {
            _trustedServerCertificate = value;
            if (value is not null)
            {
                Transport = LoopbackTransport.Trusting(value);
            }
        }
    }
}
