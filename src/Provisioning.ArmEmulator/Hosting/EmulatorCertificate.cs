using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Provisioning.ArmEmulator;

/// <summary>Makes the self-signed loopback certificate the emulator serves HTTPS with.</summary>
internal static class EmulatorCertificate
{
    /// <summary>Creates an RSA 2048 certificate for CN=localhost, SAN 127.0.0.1 and localhost, server authentication, valid from yesterday for 30 days.</summary>
    public static X509Certificate2 Create(TimeProvider time)
    {
        // An ECDSA P-256 key is made in about a millisecond where RSA 2048 takes a good part of the CLI's start-up.
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(
            new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(
            new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1", "Server Authentication")], false));

        var now = time.GetUtcNow();
        using var ephemeral = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));

        // Kestrel on Linux needs a key it can use through the PKCS#12 store, so round-trip the certificate.
        return X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pfx), null);
    }
}
