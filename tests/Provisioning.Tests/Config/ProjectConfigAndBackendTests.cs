using Provisioning.Config;

namespace Provisioning.Tests.Config;

/// <summary>Principles 4, 5 and 8: project-level config with Pulumi's meaning, every backend value, credentials in URLs, token scopes.</summary>
public sealed class ProjectConfigAndBackendTests
{
    private const string Stack = """
        config:
          tenant-registrations:registrations: {}
          tenant-registrations:tenants: {}
        """;

    private static StackLoadResult Project(string projectTail, string stack = Stack) =>
        ConfigFixture.ParseStack(stack, "name: tenant-registrations\nruntime: dotnet\n" + projectTail);

    [Theory]
    [InlineData("config:\n  cloud: AzureUSGovernment\n")]
    [InlineData("config:\n  tenant-registrations:cloud: AzureUSGovernment\n")]
    [InlineData("config:\n  cloud:\n    type: string\n    description: the cloud\n    default: AzureUSGovernment\n")]
    [InlineData("config:\n  cloud: { type: string, value: AzureUSGovernment }\n")]
    public void A_project_level_default_is_used_when_the_stack_does_not_set_the_key(string config)
    {
        var result = Project(config);

        Assert.False(result.HasErrors, string.Join(Environment.NewLine, result.Diagnostics));
        Assert.Same(CloudSpec.AzureUSGovernment, result.Stack!.Cloud);
    }

    [Fact]
    public void The_stack_file_overrides_the_project_default()
    {
        var result = Project("config:\n  cloud: AzureUSGovernment\n", "config:\n  tenant-registrations:cloud: AzureChinaCloud\n  tenant-registrations:registrations: {}\n  tenant-registrations:tenants: {}\n");

        Assert.Same(CloudSpec.AzureChinaCloud, result.Stack!.Cloud);
    }

    [Fact]
    public void A_declaration_without_a_default_must_be_set_by_the_stack()
    {
        var result = Project("config:\n  cloud: { type: string }\n");

        var diagnostic = ConfigFixture.Single(result, "PRV008");
        Assert.Contains("without a default", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_project_default_is_reported_in_the_project_file()
    {
        var result = Project("config:\n  cloud: AzureClod\n");

        ConfigFixture.AssertAt(result, "PRV017", 4, 10, ConfigFixture.ProjectFile);
    }

    [Theory]
    [InlineData("config:\n  registrations: {}\n", "PRV046")]
    [InlineData("config:\n  tenant-registrations:tenants: {}\n", "PRV046")]
    [InlineData("config:\n  cloud: { type: integer, default: 1 }\n", "PRV046")]
    [InlineData("config:\n  cloud: { type: string, secret: true, default: AzureCloud }\n", "PRV046")]
    [InlineData("config:\n  cloud: { type: string, default: AzureCloud, value: AzureCloud }\n", "PRV046")]
    [InlineData("config:\n  cloud: { type: string, items: { type: string } }\n", "PRV046")]
    [InlineData("config:\n  cloud:\n", "PRV046")]
    [InlineData("config:\n  cloud: { default: AzureCloud }\n", "PRV008")]
    [InlineData("config:\n  cloud: { type: string, defualt: AzureCloud }\n", "PRV009")]
    [InlineData("config:\n  anything: goes\n", "PRV015")]
    [InlineData("config:\n  cloud: [AzureCloud]\n", "PRV007")]
    [InlineData("config:\n  cloud: \"AzureCloud \"\n", "PRV035")]
    public void Project_config_that_cannot_be_honoured_is_refused_never_ignored(string config, string code)
    {
        var result = Project(config);

        Assert.Equal(ConfigFixture.ProjectFile, ConfigFixture.Single(result, code).Span.File);
        Assert.Null(result.Stack);
    }

    [Fact]
    public void Project_config_of_other_namespaces_is_left_to_its_tools()
    {
        var result = Project("config:\n  azure-native:location: westeurope\n  aws:region: { value: eu-west-1 }\n");

        Assert.False(result.HasErrors, string.Join(Environment.NewLine, result.Diagnostics));
    }

    [Theory]
    [InlineData("file://./state", "./state")]
    [InlineData("file:///var/lib/provision", "/var/lib/provision")]
    [InlineData("file://state", "state")]
    public void A_file_backend_is_honoured_as_the_state_folder(string url, string folder)
    {
        var result = Project($"backend:\n  url: {url}\n");

        Assert.False(result.HasErrors, string.Join(Environment.NewLine, result.Diagnostics));
        Assert.Equal(url, result.Stack!.BackendUrl);
        Assert.Equal(folder, result.Stack.StateDirectory);
    }

    [Fact]
    public void A_file_backend_in_the_home_folder_is_expanded()
    {
        var result = Project("backend:\n  url: file://~/.provision-state\n");

        Assert.Equal(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".provision-state"), result.Stack!.StateDirectory);
    }

    [Fact]
    public void An_azblob_backend_has_no_state_folder()
    {
        var result = Project("backend:\n  url: azblob://state/team-a?account=contosostate\n");

        Assert.False(result.HasErrors, string.Join(Environment.NewLine, result.Diagnostics));
        Assert.Null(result.Stack!.StateDirectory);
    }

    [Theory]
    [InlineData("file://")]
    [InlineData("file://state?x=1")]
    [InlineData("file://~bob/state")]
    [InlineData("azblob://St")]
    [InlineData("azblob://State")]
    [InlineData("azblob://my--state")]
    [InlineData("azblob://-state")]
    [InlineData("azblob://state/a//b")]
    [InlineData("azblob://state?account=Bad_Name")]
    [InlineData("azblob://state?container=x")]
    [InlineData("https://app.pulumi.com/org")]
    [InlineData("s3://bucket")]
    [InlineData("gs://bucket")]
    public void Every_other_backend_value_is_refused(string url)
    {
        var result = Project($"backend:\n  url: \"{url}\"\n");

        ConfigFixture.AssertAt(result, "PRV013", 4, 8, ConfigFixture.ProjectFile);
        Assert.Null(result.Stack);
    }

    [Fact]
    public void An_unknown_backend_key_is_an_error_not_a_warning()
    {
        var result = Project("backend:\n  url: file://state\n  urll: file://other\n");

        ConfigFixture.AssertAt(result, "PRV009", 5, 3, ConfigFixture.ProjectFile);
        Assert.Null(result.Stack);
    }

    [Theory]
    [InlineData("backend:\n  url: \"azblob://state?account=contoso&sig=SECRETSECRET\"\n", 4, 8)]
    [InlineData("backend:\n  url: \"azblob://admin:SECRETSECRET@state\"\n", 4, 8)]
    [InlineData("backend:\n  url: \"file://bob:SECRETSECRET@host/state\"\n", 4, 8)]
    public void A_backend_url_with_credentials_is_refused_and_never_echoed(string backend, int line, int column)
    {
        var result = Project(backend);

        var diagnostic = ConfigFixture.AssertAt(result, "PRV044", line, column, ConfigFixture.ProjectFile);
        Assert.DoesNotContain("SECRETSECRET", string.Join("\n", result.Diagnostics), StringComparison.Ordinal);
        Assert.Contains("***", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://user:SECRETSECRET@management.contoso.com/")]
    [InlineData("https://management.contoso.com/?sig=SECRETSECRET")]
    [InlineData("https://:SECRETSECRET@management.contoso.com/")]
    public void A_cloud_endpoint_with_credentials_is_refused_and_never_echoed(string endpoint)
    {
        var result = ConfigFixture.ParseStack($"config:\n  tenant-registrations:cloud: \"{endpoint}\"\n" + Stack["config:\n".Length..]);

        ConfigFixture.AssertAt(result, "PRV044", 2, 31);
        Assert.DoesNotContain("SECRETSECRET", string.Join("\n", result.Diagnostics), StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_password_does_not_show_through_the_cut_of_a_long_value()
    {
        var endpoint = "https://admin:" + new string('S', 500) + "@management.contoso.com/";

        var result = ConfigFixture.ParseStack($"config:\n  tenant-registrations:cloud: \"{endpoint}\"\n" + Stack["config:\n".Length..]);

        var diagnostic = ConfigFixture.Single(result, "PRV044");
        Assert.DoesNotContain("SSS", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("https://***@management.contoso.com/", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://management.adfs.azurestack.local/4de154de-f8a8-4017-af41-df619da68155")]
    [InlineData("api://4de154de-f8a8-4017-af41-df619da68155/.default")]
    [InlineData("https://management.contoso.com/.default")]
    public void A_token_scope_override_is_kept(string scope)
    {
        var result = ConfigFixture.ParseStack($"config:\n  tenant-registrations:cloud: https://management.contoso.com/\n  tenant-registrations:tokenScope: {scope}\n" + Stack["config:\n".Length..]);

        Assert.False(result.HasErrors, string.Join(Environment.NewLine, result.Diagnostics));
        Assert.Equal(scope, result.Stack!.Cloud.TokenScope);
    }

    [Theory]
    [InlineData("management.contoso.com")]
    [InlineData("http://management.contoso.com/")]
    [InlineData("/.default")]
    [InlineData("\"a b/.default\"")]
    public void A_token_scope_that_is_neither_an_https_url_nor_a_default_scope_is_refused(string scope)
    {
        var result = ConfigFixture.ParseStack($"config:\n  tenant-registrations:cloud: https://management.contoso.com/\n  tenant-registrations:tokenScope: {scope}\n" + Stack["config:\n".Length..]);

        ConfigFixture.AssertAt(result, "PRV045", 3, 36);
    }
}
