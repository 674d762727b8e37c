using System.Net;
using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;
using Microsoft.Extensions.Time.Testing;
using Provisioning.Azure.Tests.Fakes;
using Provisioning.Config;
using Provisioning.Diagnostics;
using Provisioning.Model;

namespace Provisioning.Azure.Tests;

/// <summary>
/// Every credential setting is checked before anything is contacted and refused as a catalogued input diagnostic; a
/// credential that cannot get a token says why for each credential it tried; a token is never in a message.
/// </summary>
public sealed class CredentialSettingsTests : IDisposable
{
    private const string Token = "eyJhbGciOiJub25lIn0.opaque-access-token_42";
    private static readonly CloudSpec Stamp = new("https://management.stamp.example/", new Uri("https://management.stamp.example/"), null);
    private static readonly CloudSpec LoopbackStamp = new("https://127.0.0.1:8443/", new Uri("https://127.0.0.1:8443/"), "https://127.0.0.1:8443/.default");
    private static readonly ArmResourceId Mapping = ArmResourceId.Parse(
        "/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/azurestack/providers/Microsoft.AzureStack/registrations/r/customerSubscriptions/22222222-2222-2222-2222-222222222222");

    private readonly string _directory = Directory.CreateTempSubdirectory("credential-tests-").FullName;

    [Fact]
    public void An_unknown_kind_from_the_environment_names_the_variable_and_the_choices()
    {
        var error = Assert.Throws<DiagnosticException>(() =>
            AzureConnection.CreateClient(Stamp, null, Environment(("PROVISION_CREDENTIAL", "bogus"))));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(("PRV120", DiagnosticOrigin.Input, "$PROVISION_CREDENTIAL"), (diagnostic.Code, diagnostic.Origin, diagnostic.Span.File));
        Assert.Contains("'bogus'", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("access-token", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void For_a_cloud_that_needs_no_sign_in_only_an_unknown_kind_is_refused()
    {
        AzureConnection.CheckCredentialKind("client-secret", Environment());
        AzureConnection.CheckCredentialKind(null, Environment(("PROVISION_CREDENTIAL", "Local-Emulator")));
        AzureConnection.CheckCredentialKind(null, Environment());

        var error = Assert.Throws<DiagnosticException>(() => AzureConnection.CheckCredentialKind(null, Environment(("PROVISION_CREDENTIAL", "bogus"))));

        Assert.Equal(("PRV120", "$PROVISION_CREDENTIAL"), (error.Diagnostics[0].Code, error.Diagnostics[0].Span.File));
    }

    [Fact]
    public void The_option_wins_over_the_environment_variable()
    {
        var error = Assert.Throws<DiagnosticException>(() =>
            AzureConnection.CreateClient(Stamp, "bogus", Environment(("PROVISION_CREDENTIAL", "azure-cli"))));

        Assert.Equal("--credential", Assert.Single(error.Diagnostics).Span.File);
    }

    [Fact]
    public void An_empty_kind_given_as_an_option_is_an_unknown_kind_not_the_default()
    {
        var error = Assert.Throws<DiagnosticException>(() => AzureConnection.CreateClient(Stamp, string.Empty, Environment(("PROVISION_CREDENTIAL", "azure-cli"))));

        Assert.Equal(("PRV120", "--credential"), (error.Diagnostics[0].Code, error.Diagnostics[0].Span.File));
        Assert.Throws<DiagnosticException>(() => AzureConnection.CheckCredentialKind(string.Empty, Environment()));
    }

    [Fact]
    public void A_very_long_kind_is_not_echoed_whole()
    {
        var error = Assert.Throws<DiagnosticException>(() => AzureConnection.CreateClient(Stamp, new string('k', 5000), Environment()));

        Assert.True(error.Message.Length < 400, $"{error.Message.Length} characters");
    }

    [Fact]
    public void The_local_emulator_kind_is_refused_for_an_endpoint_that_is_not_loopback()
    {
        var error = Assert.Throws<DiagnosticException>(() => AzureConnection.CreateClient(Stamp, "local-emulator", Environment()));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal("PRV120", diagnostic.Code);
        Assert.Contains("only for the local cloud or an endpoint on loopback", diagnostic.Message, StringComparison.Ordinal);
        Assert.IsType<LocalEmulatorCredential>(AzureCredentials.Create("local-emulator", LoopbackStamp, Environment()));
    }

    [Theory]
    [InlineData("not-hex-at-all", "character 1 is not a hex digit")]
    [InlineData("3FA2", "4 hex digits")]
    [InlineData("3F:A2:3F:A2:3F:A2:3F:A2:3F:A2:3F:A2:3F:A2:3F:A2:3F:A2:3F:A2", "character 3 is not a hex digit")]
    [InlineData("3FA23FA23FA23FA23FA23FA23FA23FA23FA23FA", "39 hex digits")]
    public void A_malformed_trusted_thumbprint_is_refused_before_anything_is_contacted(string thumbprint, string problem)
    {
        var error = Assert.Throws<DiagnosticException>(() =>
            AzureConnection.CreateClient(LoopbackStamp, "local-emulator", Environment(("PROVISION_TRUST_CERT_THUMBPRINT", thumbprint))));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(("PRV123", DiagnosticOrigin.Input, "$PROVISION_TRUST_CERT_THUMBPRINT"), (diagnostic.Code, diagnostic.Origin, diagnostic.Span.File));
        Assert.Contains(problem, diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_thumbprint_is_ignored_for_an_endpoint_that_is_not_loopback()
    {
        var client = AzureConnection.CreateClient(Stamp, "access-token", Environment(("PROVISION_TRUST_CERT_THUMBPRINT", "nonsense"), ("PROVISION_ACCESS_TOKEN", Token)));

        Assert.Equal(Stamp.ArmEndpoint, client.Endpoint);
    }

    [Fact]
    public void A_plain_http_endpoint_that_is_not_loopback_is_refused()
    {
        var cloud = new CloudSpec("http://arm.example/", new Uri("http://arm.example/"), null);

        var error = Assert.Throws<DiagnosticException>(() => AzureConnection.CreateClient(cloud, "azure-cli", Environment()));

        Assert.Equal(("PRV124", DiagnosticOrigin.Input), (Assert.Single(error.Diagnostics).Code, error.Diagnostics[0].Origin));
    }

    [Theory]
    [InlineData("https://operator:S3cretPa55@arm.example.com/")]
    [InlineData("https://:S3cretPa55@arm.example.com/")]
    [InlineData("https://arm.example.com/?access_token=S3cretPa55")]
    [InlineData("https://arm.example.com/#S3cretPa55")]
    public void An_endpoint_carrying_a_secret_is_refused_without_echoing_it(string endpoint)
    {
        var cloud = new CloudSpec("custom", new Uri(endpoint), "https://arm.example.com/.default");

        var error = Assert.Throws<DiagnosticException>(() => AzureConnection.CreateClient(cloud, "azure-cli", Environment()));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(("PRV124", DiagnosticOrigin.Input), (diagnostic.Code, diagnostic.Origin));
        Assert.Contains("'https://arm.example.com/'", diagnostic.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("S3cret", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_custom_endpoint_asks_for_its_own_default_scope_unless_one_is_given()
    {
        var scopes = new List<string>();
        var credential = new RecordingCredential(scopes);

        await ClientFor(new AzureStackClientOptions(new Uri("https://management.stamp.example:4443/")), credential).GetAsync(Mapping, "2017-06-01");
        await ClientFor(new AzureStackClientOptions(new Uri("https://arm.example.com/stamp1/")), credential).GetAsync(Mapping, "2017-06-01");
        await ClientFor(new AzureStackClientOptions(new Uri("https://management.stamp.example/"), "https://management.adfs.stamp.example/0b0c/.default"), credential).GetAsync(Mapping, "2017-06-01");

        Assert.Equal(["https://management.stamp.example:4443/.default", "https://arm.example.com/stamp1/.default", "https://management.adfs.stamp.example/0b0c/.default"], scopes);
    }

    [Fact]
    public async Task The_access_token_from_the_environment_is_sent_as_a_bearer_token_and_never_logged()
    {
        var log = new List<string>();
        var handler = new CannedHandler(_ => CannedHandler.Json(HttpStatusCode.NotFound, """{"error":{"code":"ResourceNotFound","message":"gone"}}"""));
        var client = AzureConnection.CreateClient(Stamp, "access-token", Environment(("PROVISION_ACCESS_TOKEN", Token + "\n")), options =>
        {
            options.Transport = new HttpClientTransport(handler);
            options.HttpLog = log.Add;
        });

        await client.GetAsync(Mapping, "2017-06-01");

        Assert.Equal($"Bearer {Token}", Assert.Single(handler.Requests).Authorization);
        Assert.DoesNotContain(log, line => line.Contains(Token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_access_token_file_is_read_again_whenever_a_token_is_needed()
    {
        var file = Path.Combine(_directory, "token");
        await File.WriteAllTextAsync(file, "first-token\n");
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var credential = AccessTokenCredential.FromEnvironment(Environment(("PROVISION_ACCESS_TOKEN_FILE", file)), time);
        var context = new TokenRequestContext(["https://management.stamp.example/.default"]);

        var first = credential.GetToken(context, default);
        await File.WriteAllTextAsync(file, "second-token");
        var second = await credential.GetTokenAsync(context, default);

        Assert.Equal(("first-token", "second-token"), (first.Token, second.Token));
        Assert.Equal(time.GetUtcNow().AddMinutes(10), first.ExpiresOn);
        Assert.DoesNotContain("second-token", credential.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_JWT_expires_when_its_exp_says()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var exp = new DateTimeOffset(2026, 1, 1, 1, 0, 0, TimeSpan.Zero);
        var credential = AccessTokenCredential.FromEnvironment(Environment(("PROVISION_ACCESS_TOKEN", Jwt(exp))), time);

        Assert.Equal(exp, credential.GetToken(new TokenRequestContext(["s"]), default).ExpiresOn);
    }

    [Fact]
    public void An_expired_JWT_is_refused_before_anything_is_contacted_without_echoing_it()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var jwt = Jwt(new DateTimeOffset(2025, 12, 31, 23, 0, 0, TimeSpan.Zero));

        var error = Assert.Throws<DiagnosticException>(() => AccessTokenCredential.FromEnvironment(Environment(("PROVISION_ACCESS_TOKEN", jwt)), time));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(("PRV122", DiagnosticOrigin.Input), (diagnostic.Code, diagnostic.Origin));
        Assert.Contains("expired at 2025-12-31 23:00:00Z", diagnostic.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(jwt, diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Bearer abc.def", "starts with 'Bearer '")]
    [InlineData("abc def", "character 4 of the 7-character token")]
    [InlineData("abc\ndef", "character 4 of the 7-character token")]
    [InlineData("abc=def", "character 5 of the 7-character token")]
    [InlineData("   ", "holds no token")]
    public void A_malformed_token_is_refused_without_being_echoed(string token, string problem)
    {
        var error = Assert.Throws<DiagnosticException>(() => AzureConnection.CreateClient(Stamp, "access-token", Environment(("PROVISION_ACCESS_TOKEN", token))));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(("PRV122", "$PROVISION_ACCESS_TOKEN"), (diagnostic.Code, diagnostic.Span.File));
        Assert.Contains(problem, diagnostic.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("def", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_access_token_kind_needs_exactly_one_source()
    {
        var none = Assert.Throws<DiagnosticException>(() => AzureConnection.CreateClient(Stamp, "access-token", Environment()));
        var both = Assert.Throws<DiagnosticException>(() => AzureConnection.CreateClient(Stamp, "access-token",
            Environment(("PROVISION_ACCESS_TOKEN", Token), ("PROVISION_ACCESS_TOKEN_FILE", "/tmp/x"))));
        var missingFile = Assert.Throws<DiagnosticException>(() => AzureConnection.CreateClient(Stamp, "access-token",
            Environment(("PROVISION_ACCESS_TOKEN_FILE", Path.Combine(_directory, "absent")))));

        Assert.Equal("PRV121", none.Diagnostics[0].Code);
        Assert.Contains("PROVISION_ACCESS_TOKEN_FILE", none.Message, StringComparison.Ordinal);
        Assert.Equal("PRV122", both.Diagnostics[0].Code);
        Assert.Contains("set only one", both.Message, StringComparison.Ordinal);
        Assert.Equal("PRV122", missingFile.Diagnostics[0].Code);
        Assert.Contains("absent", missingFile.Message, StringComparison.Ordinal);
        Assert.True(new[] { none, both, missingFile }.All(e => e.Diagnostics[0].Origin == DiagnosticOrigin.Input));
    }

    [Fact]
    public async Task The_default_chain_failing_lists_each_credentials_reason_and_sends_nothing()
    {
        var chain = new DefaultAzureCredential(new DefaultAzureCredentialOptions
        {
            ExcludeWorkloadIdentityCredential = true,
            ExcludeManagedIdentityCredential = true,
            ExcludeVisualStudioCredential = true,
            ExcludeVisualStudioCodeCredential = true,
            ExcludeAzurePowerShellCredential = true,
            ExcludeAzureDeveloperCliCredential = true,
            ExcludeInteractiveBrowserCredential = true,
        });
        var handler = new CannedHandler(_ => CannedHandler.Empty(HttpStatusCode.OK));
        var options = new AzureStackClientOptions(new Uri("https://management.stamp.example/")) { Transport = new HttpClientTransport(handler) };

        var error = await Assert.ThrowsAsync<DiagnosticException>(() => new AzureStackResourceClient(new KindCredential("default", chain), options).GetAsync(Mapping, "2017-06-01"));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(("PRV125", DiagnosticOrigin.Environment), (diagnostic.Code, diagnostic.Origin));
        Assert.StartsWith("The credential 'default' could not get a token for 'https://management.stamp.example/.default'", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("  - EnvironmentCredential", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("  - AzureCliCredential", diagnostic.Message, StringComparison.Ordinal);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task A_credential_not_made_here_failing_is_still_a_diagnostic()
    {
        var handler = new CannedHandler(_ => CannedHandler.Empty(HttpStatusCode.OK));
        var options = new AzureStackClientOptions(new Uri("https://management.stamp.example/")) { Transport = new HttpClientTransport(handler) };
        var client = new AzureStackResourceClient(new FailingCredential(), options);

        var error = await Assert.ThrowsAsync<DiagnosticException>(() => client.GetAsync(Mapping, "2017-06-01"));

        Assert.Equal("PRV125", Assert.Single(error.Diagnostics).Code);
        Assert.Contains("AADSTS7000215", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static Func<string, string?> Environment(params (string Name, string Value)[] variables)
    {
        var values = variables.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);
        return name => values.GetValueOrDefault(name);
    }

    private static string Jwt(DateTimeOffset expires)
    {
        static string Part(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return $"{Part("""{"alg":"none"}""")}.{Part($$"""{"exp":{{expires.ToUnixTimeSeconds()}}}""")}.sig";
    }

    private static AzureStackResourceClient ClientFor(AzureStackClientOptions options, TokenCredential credential)
    {
        options.Transport = new HttpClientTransport(new CannedHandler(_ => CannedHandler.Json(HttpStatusCode.NotFound, """{"error":{"code":"ResourceNotFound","message":"gone"}}""")));
        return new AzureStackResourceClient(credential, options);
    }

    private sealed class RecordingCredential(List<string> scopes) : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            scopes.AddRange(requestContext.Scopes);
            return new AccessToken("t", DateTimeOffset.UtcNow.AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }

    private sealed class FailingCredential : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            throw new AuthenticationFailedException("ClientSecretCredential authentication failed: AADSTS7000215: Invalid client secret provided.");

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            throw new AuthenticationFailedException("ClientSecretCredential authentication failed: AADSTS7000215: Invalid client secret provided.");
    }
}
