using Azure.Core.Pipeline;
using Provisioning.Azure.Tests.Fakes;
using Provisioning.Config;

namespace Provisioning.Azure.Tests;

/// <summary>What the client accepts at construction, and the defaults of its options.</summary>
public sealed class AzureStackClientOptionsTests
{
    private static readonly StaticTokenCredential Credential = new("options-token");

    [Theory]
    [InlineData("http://management.azure.com/")]
    [InlineData("http://10.0.0.1:5000/")]
    [InlineData("ftp://127.0.0.1/")]
    [InlineData("http://localhost.example.com/")]
    [InlineData("http://127.0.0.1.nip.io/")]
    [InlineData("http://128.0.0.1/")]
    [InlineData("http://[::2]/")]
    public void A_plain_HTTP_endpoint_is_refused_unless_it_is_loopback(string endpoint)
    {
        var error = Assert.Throws<ArgumentException>(() => new AzureStackResourceClient(Credential, new AzureStackClientOptions(new Uri(endpoint))));

        Assert.Contains("must use HTTPS", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000/")]
    [InlineData("http://localhost/")]
    [InlineData("http://[::1]:5000/")]
    [InlineData("http://127.12.34.56:5000/")]
    [InlineData("HTTP://LOCALHOST:5000/")]
    public void A_plain_HTTP_endpoint_on_loopback_is_accepted(string endpoint)
    {
        var client = new AzureStackResourceClient(Credential, new AzureStackClientOptions(new Uri(endpoint)));

        Assert.Equal(new Uri(endpoint), client.Endpoint);
    }

    [Fact]
    public void A_trusted_certificate_is_refused_for_an_endpoint_that_is_not_loopback()
    {
        using var certificate = TestCertificates.CreateForLoopback();
        var options = new AzureStackClientOptions(new Uri("https://management.azure.com/")) { TrustedServerCertificate = certificate };

        var error = Assert.Throws<ArgumentException>(() => new AzureStackResourceClient(Credential, options));

        Assert.Contains("only for a loopback endpoint", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_trusted_thumbprint_is_refused_for_an_endpoint_that_is_not_loopback()
    {
        var options = new AzureStackClientOptions(new Uri("https://management.azure.com/")) { TrustedServerCertificateThumbprint = new string('A', 40) };

        var error = Assert.Throws<ArgumentException>(() => new AzureStackResourceClient(Credential, options));

        Assert.Contains("only for a loopback endpoint", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not-hex-at-all-not-hex-at-all-not-hex-at")]
    [InlineData("ABCDEF")]
    [InlineData("")]
    public void A_thumbprint_that_is_not_40_or_64_hex_digits_is_refused(string thumbprint) =>
        Assert.Throws<ArgumentException>(() => new AzureStackClientOptions(new Uri("https://127.0.0.1:7001/")) { TrustedServerCertificateThumbprint = thumbprint });

    [Theory]
    [InlineData("https://127.0.0.1:7001/")]
    [InlineData("https://localhost:7001/")]
    [InlineData("https://[::1]:7001/")]
    public void A_trusted_certificate_is_accepted_for_a_loopback_HTTPS_endpoint(string endpoint)
    {
        using var certificate = TestCertificates.CreateForLoopback();
        var options = new AzureStackClientOptions(new Uri(endpoint)) { TrustedServerCertificate = certificate };

        var client = new AzureStackResourceClient(Credential, options);

        Assert.Equal(new Uri(endpoint), client.Endpoint);
        Assert.IsType<HttpClientTransport>(options.Transport);
    }

    [Fact]
    public void The_defaults_are_api_version_2017_06_01_and_a_scope_derived_from_the_endpoint()
    {
        var options = new AzureStackClientOptions(new Uri("https://management.local.azurestack.external/"));

        Assert.Equal("2017-06-01", options.ApiVersion);
        Assert.Equal("https://management.local.azurestack.external/.default", options.TokenScope);
        Assert.Null(options.TrustedServerCertificate);
        Assert.False(options.Diagnostics.IsLoggingContentEnabled);
    }

    [Fact]
    public void ARMs_correlation_and_rate_limit_headers_are_logged()
    {
        var options = new AzureStackClientOptions(new Uri("https://management.azure.com/"));

        Assert.Contains("x-ms-correlation-request-id", options.Diagnostics.LoggedHeaderNames);
        Assert.Contains("x-ms-ratelimit-remaining-subscription-reads", options.Diagnostics.LoggedHeaderNames);
        Assert.Contains("x-ms-ratelimit-remaining-subscription-writes", options.Diagnostics.LoggedHeaderNames);
        Assert.Contains("x-ms-ratelimit-remaining-subscription-deletes", options.Diagnostics.LoggedHeaderNames);
        Assert.DoesNotContain("Authorization", options.Diagnostics.LoggedHeaderNames, StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_relative_endpoint_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new AzureStackClientOptions(new Uri("/subscriptions", UriKind.Relative)));
    }

    [Fact]
    public void ForCloud_uses_the_clouds_endpoint_and_scope()
    {
        AzureStackClientOptions? seen = null;

        var client = AzureStackResourceClient.ForCloud(CloudSpec.AzureUSGovernment, Credential, options => seen = options);

        Assert.Equal(new Uri("https://management.usgovcloudapi.net/"), client.Endpoint);
        Assert.Equal("https://management.usgovcloudapi.net/.default", seen!.TokenScope);
    }

    [Fact]
    public void ForCloud_refuses_the_local_cloud_before_the_emulator_has_an_endpoint()
    {
        var error = Assert.Throws<ArgumentException>(() => AzureStackResourceClient.ForCloud(CloudSpec.Local, Credential));

        Assert.Contains("'local' has no ARM endpoint", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ForCloud_accepts_the_local_cloud_with_the_emulators_endpoint_and_certificate()
    {
        using var certificate = TestCertificates.CreateForLoopback();
        var local = CloudSpec.Local with { ArmEndpoint = new Uri("https://127.0.0.1:7002/") };

        var client = AzureStackResourceClient.ForCloud(local, new LocalEmulatorCredential(), options => options.TrustedServerCertificate = certificate);

        Assert.Equal(local.ArmEndpoint, client.Endpoint);
    }
}
