using Provisioning.Diagnostics;
using System.Text;
using Provisioning.Config;

namespace Provisioning.Tests.Config;

public sealed class StackLoaderLoadTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("provisioning-config-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public void Load_reads_both_files_and_names_them_relatively_in_spans()
    {
        Write(ConfigFixture.ProjectFile, ConfigFixture.Project);
        Write("Pulumi.dev.yaml", """
            config:
              tenant-registrations:registrations:
                west: { subscriptionId: 11111111-1111-1111-1111-111111111111, name: azurestack-west }
              tenant-registrations:tenants: {}
            """);

        var result = StackLoader.Load(_directory.FullName, "dev");

        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal("Pulumi.dev.yaml(4,3): warning PRV032: No tenants are declared under 'tenant-registrations:tenants'; the stack manages no mapping (up then deletes every mapping it manages).", warning.ToString());
        Assert.Equal("dev", result.Stack!.Stack);
        Assert.Equal("west", Assert.Single(result.Stack.Registrations).Key);
    }

    [Fact]
    public void A_byte_order_mark_is_accepted()
    {
        File.WriteAllBytes(Path.Combine(_directory.FullName, ConfigFixture.ProjectFile), [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(ConfigFixture.Project)]);
        Write("Pulumi.dev.yaml", "config:\n  tenant-registrations:tenants: {}\n  tenant-registrations:registrations: {}\n");

        var result = StackLoader.Load(_directory.FullName, "dev");

        Assert.False(result.HasErrors, string.Join(Environment.NewLine, result.Diagnostics));
    }

    [Fact]
    public void Missing_files_are_both_reported_and_the_existing_stacks_are_named()
    {
        Write("Pulumi.prod.yaml", "config: {}\n");
        Write("Pulumi.dev.yaml", "config: {}\n");

        var result = StackLoader.Load(_directory.FullName, "local");

        Assert.Equal(["PRV001", "PRV002"], result.Diagnostics.Select(d => d.Code).Order());
        var stackMissing = ConfigFixture.Single(result, "PRV002");
        Assert.Equal(SourceSpan.WholeFile("Pulumi.local.yaml"), stackMissing.Span);
        Assert.EndsWith("existing stacks: dev, prod.", stackMissing.Message, StringComparison.Ordinal);
        Assert.Null(result.Stack);
    }

    [Fact]
    public void A_file_that_is_not_utf8_is_reported_at_the_first_bad_byte()
    {
        Write(ConfigFixture.ProjectFile, ConfigFixture.Project);
        File.WriteAllBytes(
            Path.Combine(_directory.FullName, "Pulumi.local.yaml"),
            [.. Encoding.UTF8.GetBytes("config:\n  tenant-registrations:cloud: Az"), 0xE9, .. Encoding.UTF8.GetBytes("ureCloud\n")]);

        var result = StackLoader.Load(_directory.FullName, "local");

        ConfigFixture.AssertAt(result, "PRV004", 2, 33);
        Assert.Null(result.Stack);
    }

    [Fact]
    public void An_invalid_stack_name_is_refused_before_any_file_is_read()
    {
        var result = StackLoader.Load(_directory.FullName, "../etc");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("PRV012", diagnostic.Code);
        Assert.Equal(SourceSpan.CommandLine, diagnostic.Span);
    }

    [Fact]
    public void A_stack_file_that_is_a_directory_is_reported_not_called_missing()
    {
        Write(ConfigFixture.ProjectFile, ConfigFixture.Project);
        Directory.CreateDirectory(Path.Combine(_directory.FullName, "Pulumi.dev.yaml"));

        var result = StackLoader.Load(_directory.FullName, "dev");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("PRV003", diagnostic.Code);
        Assert.Contains("is a directory", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_project_file_that_is_a_directory_is_reported()
    {
        Directory.CreateDirectory(Path.Combine(_directory.FullName, ConfigFixture.ProjectFile));
        Write("Pulumi.dev.yaml", "config:\n  tenant-registrations:registrations: {}\n  tenant-registrations:tenants: {}\n");

        var result = StackLoader.Load(_directory.FullName, "dev");

        Assert.Equal(SourceSpan.WholeFile(ConfigFixture.ProjectFile), ConfigFixture.Single(result, "PRV003").Span);
        Assert.Null(result.Stack);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\uFEFF")]
    [InlineData("# nothing but a comment\r\n")]
    public void A_zero_byte_bom_only_or_comments_only_stack_file_is_one_clear_error(string text)
    {
        Write(ConfigFixture.ProjectFile, ConfigFixture.Project);
        Write("Pulumi.dev.yaml", text);

        var result = StackLoader.Load(_directory.FullName, "dev");

        Assert.Equal("PRV042", Assert.Single(result.Diagnostics).Code);
        Assert.Null(result.Stack);
    }

    [Fact]
    public void A_relative_file_backend_is_resolved_against_the_project_folder()
    {
        Write(ConfigFixture.ProjectFile, ConfigFixture.Project + "\nbackend:\n  url: file://./state\n");
        Write("Pulumi.dev.yaml", "config:\n  tenant-registrations:registrations: {}\n  tenant-registrations:tenants: {}\n");

        var result = StackLoader.Load(_directory.FullName, "dev");

        Assert.Equal(Path.Combine(_directory.FullName, "state"), result.Stack!.StateDirectory);
    }

    [Fact]
    public void A_file_backend_naming_a_file_is_refused_at_the_url()
    {
        Write("elsewhere", "not a folder");
        Write(ConfigFixture.ProjectFile, ConfigFixture.Project + "\nbackend:\n  url: file://elsewhere\n");
        Write("Pulumi.dev.yaml", "config:\n  tenant-registrations:registrations: {}\n  tenant-registrations:tenants: {}\n");

        var result = StackLoader.Load(_directory.FullName, "dev");

        var diagnostic = ConfigFixture.AssertAt(result, "PRV013", 5, 8, ConfigFixture.ProjectFile);
        Assert.Contains("names a file, not a folder", diagnostic.Message, StringComparison.Ordinal);
        Assert.Null(result.Stack);
    }

    private void Write(string name, string text) => File.WriteAllText(Path.Combine(_directory.FullName, name), text);
}
