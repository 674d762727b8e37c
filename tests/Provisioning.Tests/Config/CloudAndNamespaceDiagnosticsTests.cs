using Provisioning.Config;

namespace Provisioning.Tests.Config;

public sealed class CloudAndNamespaceDiagnosticsTests
{
    private const string Registrations = """
          tenant-registrations:registrations:
            west: { subscriptionId: 11111111-1111-1111-1111-111111111111, name: azurestack-west }
          tenant-registrations:tenants: {}
        """;

    [Fact]
    public void An_unknown_cloud_is_reported_with_a_suggestion()
    {
        var result = ConfigFixture.ParseStack($"config:\n  tenant-registrations:cloud: AzureCoud\n{Registrations}");

        var diagnostic = ConfigFixture.AssertAt(result, "PRV017", 2, 31);
        Assert.EndsWith("Did you mean 'AzureCloud'?", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://management.contoso.com")]
    [InlineData("ftp://management.contoso.com")]
    public void A_custom_endpoint_that_is_not_https_is_refused(string endpoint)
    {
        var result = ConfigFixture.ParseStack($"config:\n  tenant-registrations:cloud: {endpoint}\n  tenant-registrations:tokenScope: x/.default\n{Registrations}");

        var diagnostic = ConfigFixture.AssertAt(result, "PRV018", 2, 31);
        Assert.Contains("must use https", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000/")]
    [InlineData("http://localhost:5000/")]
    public void Plain_http_is_allowed_to_loopback(string endpoint)
    {
        var result = ConfigFixture.ParseStack($"config:\n  tenant-registrations:cloud: {endpoint}\n  tenant-registrations:tokenScope: x/.default\n{Registrations}");

        Assert.False(result.HasErrors, string.Join(Environment.NewLine, result.Diagnostics));
        Assert.Equal(new Uri(endpoint), result.Stack!.Cloud.ArmEndpoint);
    }

    [Theory]
    [InlineData("https://arm.contoso.com/", "https://arm.contoso.com/.default")]
    [InlineData("https://arm.contoso.com", "https://arm.contoso.com/.default")]
    [InlineData("https://arm.contoso.com:4443/stamp/", "https://arm.contoso.com:4443/stamp/.default")]
    public void A_custom_endpoint_without_a_token_scope_gets_the_endpoint_default_scope_as_docs_azure_md_says(string endpoint, string scope)
    {
        var result = ConfigFixture.ParseStack($"config:\n  tenant-registrations:cloud: {endpoint}\n{Registrations}");

        Assert.False(result.HasErrors, string.Join(Environment.NewLine, result.Diagnostics));
        Assert.Equal(scope, result.Stack!.Cloud.TokenScope);
    }

    [Fact]
    public void A_token_scope_for_a_named_cloud_is_ignored_with_a_warning()
    {
        var result = ConfigFixture.ParseStack($"config:\n  tenant-registrations:cloud: AzureChinaCloud\n  tenant-registrations:tokenScope: x/.default\n{Registrations}");

        ConfigFixture.AssertAt(result, "PRV020", 3, 3);
        Assert.Same(CloudSpec.AzureChinaCloud, result.Stack!.Cloud);
    }

    [Fact]
    public void A_key_without_a_namespace_is_refused_with_the_namespaced_spelling()
    {
        var result = ConfigFixture.ParseStack($"config:\n  cloud: AzureCloud\n{Registrations}");

        var diagnostic = ConfigFixture.AssertAt(result, "PRV014", 2, 3);
        Assert.EndsWith("Did you mean 'tenant-registrations:cloud'?", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_key_in_the_project_namespace_is_refused_with_a_suggestion()
    {
        var result = ConfigFixture.ParseStack($"config:\n  tenant-registrations:clouds: AzureCloud\n{Registrations}");

        var diagnostic = ConfigFixture.AssertAt(result, "PRV015", 2, 3);
        Assert.EndsWith("Did you mean 'tenant-registrations:cloud'?", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelt_project_namespace_is_refused_rather_than_ignored()
    {
        var result = ConfigFixture.ParseStack("""
            config:
              tenant-registration:registrations:
                west: { subscriptionId: 11111111-1111-1111-1111-111111111111, name: azurestack-west }
              tenant-registrations:tenants: {}
            """);

        var diagnostic = ConfigFixture.AssertAt(result, "PRV015", 2, 3);
        Assert.EndsWith("Did you mean 'tenant-registrations:registrations'?", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Keys_of_other_namespaces_are_ignored()
    {
        var result = ConfigFixture.ParseStack($"config:\n  azure-native:location: westeurope\n  aws:region: eu-west-1\n{Registrations}");

        Assert.Equal(["PRV032"], result.Diagnostics.Select(d => d.Code));
    }
}
