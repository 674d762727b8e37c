using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Time.Testing;
using Provisioning.Config;
using Provisioning.Diagnostics;

namespace Provisioning.Azure.Tests;

/// <summary>Which credential each kind names, and the authority host of each cloud.</summary>
public sealed class AzureCredentialsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("credentials-").FullName;

    public AzureCredentialsTests()
    {
        var tokenFile = Path.Combine(_directory, "azure-identity-token");
        var certificate = Path.Combine(_directory, "spn.pem");
        File.WriteAllText(tokenFile, "federated-jwt");
        File.WriteAllText(certificate, "not a real certificate");
        CiEnvironment = new Dictionary<string, string>
        {
            ["AZURE_TENANT_ID"] = "72f988bf-86f1-41af-91ab-2d7cd011db47",
            ["AZURE_CLIENT_ID"] = "00000000-0000-0000-0000-0000000000c1",
            ["AZURE_CLIENT_SECRET"] = "not-a-real-secret",
            ["AZURE_FEDERATED_TOKEN_FILE"] = tokenFile,
            ["ACTIONS_ID_TOKEN_REQUEST_URL"] = "https://pipelines.actions.example/idtoken?api-version=2.0",
            ["ACTIONS_ID_TOKEN_REQUEST_TOKEN"] = "runner-token",
            ["PROVISION_ACCESS_TOKEN"] = "ci-opaque-token-123",
        };
        CertificatePath = certificate;
    }

    private Dictionary<string, string> CiEnvironment { get; }

    private string CertificatePath { get; }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData(null, typeof(DefaultAzureCredential))]
    [InlineData("default", typeof(DefaultAzureCredential))]
    [InlineData("environment", typeof(EnvironmentCredential))]
    [InlineData("workload-identity", typeof(WorkloadIdentityCredential))]
    [InlineData("client-secret", typeof(EnvironmentCredential))]
    [InlineData("github-oidc", typeof(ClientAssertionCredential))]
    [InlineData("azure-cli", typeof(AzureCliCredential))]
    [InlineData("managed-identity", typeof(ManagedIdentityCredential))]
    [InlineData("Azure-CLI", typeof(AzureCliCredential))]
    [InlineData("access-token", typeof(AccessTokenCredential))]
    public void Each_kind_creates_its_credential(string? kind, Type expected)
    {
        var credential = Assert.IsType<KindCredential>(AzureCredentials.Create(kind, CloudSpec.AzureCloud, CiEnvironment.GetValueOrDefault));

        Assert.IsType(expected, credential.Inner);
        Assert.Equal(kind?.ToLowerInvariant() ?? "default", credential.Kind);
    }

    [Fact]
    public void A_certificate_is_chosen_only_without_a_secret_that_would_win()
    {
        var withCertificate = new Dictionary<string, string>(CiEnvironment) { ["AZURE_CLIENT_CERTIFICATE_PATH"] = CertificatePath };
        withCertificate.Remove("AZURE_CLIENT_SECRET");

        Assert.IsType<EnvironmentCredential>(Assert.IsType<KindCredential>(AzureCredentials.Create("client-certificate", CloudSpec.AzureCloud, withCertificate.GetValueOrDefault)).Inner);
        var error = Assert.Throws<DiagnosticException>(() => AzureCredentials.Create("client-certificate", CloudSpec.AzureCloud,
            new Dictionary<string, string>(withCertificate) { ["AZURE_CLIENT_SECRET"] = "s" }.GetValueOrDefault));
        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(("PRV122", DiagnosticOrigin.Input), (diagnostic.Code, diagnostic.Origin));
        Assert.Contains("Unset AZURE_CLIENT_SECRET", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("github-oidc", "ACTIONS_ID_TOKEN_REQUEST_TOKEN", "id-token: write")]
    [InlineData("client-secret", "AZURE_CLIENT_SECRET", "AZURE_CLIENT_SECRET")]
    [InlineData("workload-identity", "AZURE_FEDERATED_TOKEN_FILE", "AZURE_FEDERATED_TOKEN_FILE")]
    [InlineData("environment", "AZURE_CLIENT_SECRET", "(or AZURE_CLIENT_CERTIFICATE_PATH)")]
    [InlineData("environment", "AZURE_CLIENT_ID", "AZURE_CLIENT_ID")]
    [InlineData("github-oidc", "AZURE_TENANT_ID", "AZURE_TENANT_ID")]
    public void A_CI_kind_without_its_environment_variables_names_them(string kind, string removed, string expected)
    {
        var environment = new Dictionary<string, string>(CiEnvironment);
        environment.Remove(removed);

        var error = Assert.Throws<DiagnosticException>(() => AzureCredentials.Create(kind, CloudSpec.AzureCloud, environment.GetValueOrDefault));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(("PRV121", DiagnosticOrigin.Input), (diagnostic.Code, diagnostic.Origin));
        Assert.Contains($"'{kind}'", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains(expected, diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_GitHub_OIDC_callback_asks_for_the_Entra_audience_with_the_request_token_and_returns_the_value()
    {
        var handler = new Fakes.CannedHandler(_ => Fakes.CannedHandler.Json(System.Net.HttpStatusCode.OK, """{"count":1,"value":"gh-jwt"}"""));
        using var http = new HttpClient(handler);
        var source = new GitHubActionsIdToken(new Uri("https://pipelines.actions.example/idtoken?api-version=2.0"), "runner-token", http);

        var token = await source.GetAsync(CancellationToken.None);

        Assert.Equal("gh-jwt", token);
        var sent = Assert.Single(handler.Requests);
        Assert.Equal("https://pipelines.actions.example/idtoken?api-version=2.0&audience=api%3A%2F%2FAzureADTokenExchange", sent.Uri.AbsoluteUri);
        Assert.Equal("bearer runner-token", sent.Authorization);
    }


    [Theory]
    [InlineData("workload-identity", "AZURE_FEDERATED_TOKEN_FILE")]
    [InlineData("client-certificate", "AZURE_CLIENT_CERTIFICATE_PATH")]
    public void A_variable_naming_a_file_that_is_not_there_is_refused(string kind, string variable)
    {
        var environment = new Dictionary<string, string>(CiEnvironment) { [variable] = Path.Combine(_directory, "absent") };
        environment.Remove(kind == "client-certificate" ? "AZURE_CLIENT_SECRET" : "none");

        var error = Assert.Throws<DiagnosticException>(() => AzureCredentials.Create(kind, CloudSpec.AzureCloud, environment.GetValueOrDefault));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(("PRV122", "$" + variable), (diagnostic.Code, diagnostic.Span.File));
        Assert.Contains("absent' does not exist", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_kind_is_refused_with_the_choices()
    {
        var error = Assert.Throws<DiagnosticException>(() => AzureCredentials.Create("password", CloudSpec.AzureCloud));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(("PRV120", DiagnosticOrigin.Input, "--credential"), (diagnostic.Code, diagnostic.Origin, diagnostic.Span.File));
        Assert.Contains("'password'", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("default, environment, client-secret, client-certificate, workload-identity, github-oidc, azure-cli, managed-identity, access-token", diagnostic.Message, StringComparison.Ordinal);
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
