using System.Buffers;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Azure.Core.Pipeline;

namespace Provisioning.Azure;

/// <summary>Builds the transport that trusts one self-signed certificate, from loopback hosts only.</summary>
internal static class LoopbackTransport
{
    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    /// <summary>
    /// A transport that accepts <paramref name="certificate"/> (SHA-256 thumbprint match) from a loopback host
    /// and nothing else there; any other host still needs a certificate the system trusts.
    /// </summary>
    public static HttpClientTransport Trusting(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return Trusting(certificate.GetCertHashString(HashAlgorithmName.SHA256));
    }

    /// <summary>
    /// A transport that accepts the certificate whose SHA-1 (40 hex digits) or SHA-256 (64 hex digits) thumbprint is
    /// <paramref name="thumbprint"/> from a loopback host and nothing else there; any other host still needs a
    /// certificate the system trusts. Throws <see cref="ArgumentException"/> for anything but such a hex string.
    /// </summary>
    public static HttpClientTransport Trusting(string thumbprint)
    {
        var algorithm = AlgorithmOf(thumbprint);
#pragma warning disable CA2000 // The transport owns the handler for its whole life.
        var handler = new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                // The certificate is judged by its thumbprint alone: a chain built against the system's roots (loading every
                // CA certificate on the machine, a visible part of a short command's time) would only be thrown away. A host
                // that is not loopback finds no root here and is refused.
                CertificateChainPolicy = new X509ChainPolicy { TrustMode = X509ChainTrustMode.CustomRootTrust, RevocationMode = X509RevocationMode.NoCheck },
                RemoteCertificateValidationCallback = (sender, presented, _, errors) =>
                    sender is SslStream { TargetHostName: var host } && Loopback.IsHost(host)
                        ? presented is not null && string.Equals(presented.GetCertHashString(algorithm), thumbprint, StringComparison.OrdinalIgnoreCase)
                        : errors == SslPolicyErrors.None,
            },
        };
#pragma warning restore CA2000
        return new HttpClientTransport(handler);
    }

    /// <summary>What is wrong with <paramref name="thumbprint"/> as a SHA-1 or SHA-256 hex thumbprint, or null when nothing is.</summary>
    public static string? ProblemWith(string thumbprint)
    {
        ArgumentNullException.ThrowIfNull(thumbprint);
        var bad = thumbprint.AsSpan().IndexOfAnyExcept(HexDigits);
        if (bad >= 0)
        {
            return $"character {bad + 1} is not a hex digit";
        }

        return thumbprint.Length is 40 or 64 ? null : $"it has {thumbprint.Length} hex digits, not 40 (SHA-1) or 64 (SHA-256)";
    }

    /// <summary>The hash a thumbprint of this length was made with.</summary>
    private static HashAlgorithmName AlgorithmOf(string thumbprint)
    {
        ArgumentNullException.ThrowIfNull(thumbprint);
        if (ProblemWith(thumbprint) is { } problem)
        {
            throw new ArgumentException($"A certificate thumbprint is 40 (SHA-1) or 64 (SHA-256) hex digits: {problem}.", nameof(thumbprint));
        }

        return thumbprint.Length == 40 ? HashAlgorithmName.SHA1 : HashAlgorithmName.SHA256;
    }
}
