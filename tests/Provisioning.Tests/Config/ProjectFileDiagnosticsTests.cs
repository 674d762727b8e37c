using Provisioning.Diagnostics;

namespace Provisioning.Tests.Config;

public sealed class ProjectFileDiagnosticsTests
{
    private const string Stack = """
        config:
          tenant-registrations:registrations: {}
          tenant-registrations:tenants: {}
        """;

    [Fact]
    public void A_project_file_without_a_name_is_refused()
    {
        var result = ConfigFixture.ParseStack(Stack, "runtime: dotnet\n");

        var diagnostic = ConfigFixture.AssertAt(result, "PRV008", 1, 1, ConfigFixture.ProjectFile);
        Assert.Equal("The project file has no 'name'; it is required.", diagnostic.Message);
        Assert.Null(result.Stack);
    }

    [Fact]
    public void An_invalid_project_name_is_reported_at_the_value()
    {
        var result = ConfigFixture.ParseStack(Stack, "name: tenant registrations\n");

        ConfigFixture.AssertAt(result, "PRV011", 1, 7, ConfigFixture.ProjectFile);
    }

    [Fact]
    public void A_backend_that_is_neither_a_file_nor_azure_blob_is_refused()
    {
        var result = ConfigFixture.ParseStack(Stack, "name: tenant-registrations\nbackend:\n  url: s3://bucket\n");

        ConfigFixture.AssertAt(result, "PRV013", 3, 8, ConfigFixture.ProjectFile);
    }

    [Fact]
    public void An_unknown_top_level_key_of_the_project_file_is_a_warning_with_a_suggestion()
    {
        var result = ConfigFixture.ParseStack(Stack, "name: tenant-registrations\ndescripton: typo\n");

        var diagnostic = ConfigFixture.AssertAt(result, "PRV010", 2, 1, ConfigFixture.ProjectFile);
        Assert.Equal(Severity.Warning, diagnostic.Level);
        Assert.EndsWith("Did you mean 'description'?", diagnostic.Message, StringComparison.Ordinal);
        Assert.NotNull(result.Stack);
    }

    [Fact]
    public void A_description_that_is_a_list_is_a_wrong_node_type()
    {
        var result = ConfigFixture.ParseStack(Stack, "name: tenant-registrations\ndescription: [a, b]\n");

        ConfigFixture.AssertAt(result, "PRV007", 2, 14, ConfigFixture.ProjectFile);
    }

    [Fact]
    public void Project_diagnostics_come_before_stack_diagnostics()
    {
        var result = ConfigFixture.ParseStack("config:\n  cloud: AzureCloud\n", "name: tenant-registrations\nbackend: { url: http://x }\n");

        Assert.Equal([ConfigFixture.ProjectFile, ConfigFixture.StackFile, ConfigFixture.StackFile, ConfigFixture.StackFile], result.Diagnostics.Select(d => d.Span.File));
    }
}
