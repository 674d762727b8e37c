using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Time.Testing;
using Provisioning.Config;

namespace Provisioning.Azure.Tests;

/// <summary>Which credential each kind names, and the authority host of each cloud.</summary>
public sealed class AzureCredentialsTests
{
    [Theory]
    [InlineData(null, typeof(DefaultAzureCredential))]
    [InlineData("default", typeof(DefaultAzureCredential))]
    [InlineData("environment", typeof(EnvironmentCredential))]
    [InlineData("workload-identity", typeof(WorkloadIdentityCredential))]
    [InlineData("azure-cli", typeof(AzureCliCredential))]
    [InlineData("managed-identity", typeof(ManagedIdentityCredential))]
    [InlineData("Azure-CLI", typeof(AzureCliCredential))]
    public void Each_kind_creates_its_credential(string? kind, Type expected)
    {
        Assert.IsType(expected, AzureCredentials.Create(kind, CloudSpec.AzureCloud));
    }

    [Fact]
    public void An_unknown_kind_is_refused_with_the_choices()
    {
        var error = Assert.Throws<ArgumentException>(() => AzureCredentials.Create("client-secret", CloudSpec.AzureCloud));

        Assert.Contains("'client-secret'", error.Message, StringComparison.Ordinal);
        Assert.Contains("default, environment, workload-identity, azure-cli, managed-identity", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_kind_for_the_local_cloud_is_the_emulator_credential()
    {
        Assert.IsType<LocalEmulatorCredential>(AzureCredentials.Create(null, CloudSpec.Local));
    }

    [Fact]
    public void Each_named_cloud_has_its_authority_host()
    {
        Assert.Equal(AzureAuthorityHosts.AzurePublicCloud, AzureCredentials.AuthorityHostOf(CloudSpec.AzureCloud));
        Assert.Equal(AzureAuthorityHosts.AzureChina, AzureCredentials.AuthorityHostOf(CloudSpec.AzureChinaCloud));
        Assert.Equal(AzureAuthorityHosts.AzureGovernment, AzureCredentials.AuthorityHostOf(CloudSpec.AzureUSGovernment));
        Assert.Null(AzureCredentials.AuthorityHostOf(new CloudSpec("stamp", new Uri("https://management.local.azurestack.external/"), null)));
    }

    [Fact]
    public async Task The_emulator_credential_gives_its_fixed_token_for_an_hour()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
        var credential = new LocalEmulatorCredential(time);

        var token = await credential.GetTokenAsync(new TokenRequestContext(["https://127.0.0.1/.default"]), CancellationToken.None);

        Assert.Equal("local-emulator", token.Token);
        Assert.Equal(time.GetUtcNow().AddHours(1), token.ExpiresOn);
    }
}
