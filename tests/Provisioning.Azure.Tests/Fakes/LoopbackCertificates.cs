using System.Security.Cryptography.X509Certificates;

namespace Provisioning.Azure.Tests.Fakes;

/// <summary>A class fixture holding the server's certificate and an unrelated one, made once per test class.</summary>
public sealed class LoopbackCertificates : IDisposable
{
    public X509Certificate2 Server { get; } = TestCertificates.CreateForLoopback();

    public X509Certificate2 Other { get; } = TestCertificates.CreateForLoopback();

    public void Dispose()
    {
        Server.Dispose();
        Other.Dispose();
    }
}
