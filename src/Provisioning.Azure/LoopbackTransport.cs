using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Azure.Core.Pipeline;

namespace Provisioning.Azure;

/// <summary>Builds the transport that trusts one self-signed certificate, from loopback hosts only.</summary>
internal static class LoopbackTransport
{
    /// <summary>
    /// A transport that accepts <paramref name="certificate"/> (SHA-256 thumbprint match) from a loopback host
    /// and nothing else there; any other host still needs a certificate the system trusts.
    /// </summary>
    public static HttpClientTransport Trusting(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var thumbprint = certificate.GetCertHashString(HashAlgorithmName.SHA256);
#pragma warning disable CA2000 // The transport owns the handler for its whole life.
        var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (request, presented, _, errors) =>
                request.RequestUri is { IsLoopback: true }
                    ? presented is not null && string.Equals(presented.GetCertHashString(HashAlgorithmName.SHA256), thumbprint, StringComparison.OrdinalIgnoreCase)
                    : errors == SslPolicyErrors.None,
        };
#pragma warning restore CA2000
        return new HttpClientTransport(handler);
    }
}
