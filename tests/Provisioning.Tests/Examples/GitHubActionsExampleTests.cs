using Provisioning.Config;
using YamlDotNet.RepresentationModel;

namespace Provisioning.Tests.Examples;

/// <summary>examples/github-actions does what its README says: the jobs, their commands, their sign-in, and a stack with an azblob backend.</summary>
public sealed class GitHubActionsExampleTests
{
    private static readonly string Folder = Repository.File("examples/github-actions");

    [Fact]
    public void Pull_requests_preview_to_Markdown_main_applies_in_production_and_a_schedule_checks_drift()
    {
        var jobs = Map(LoadWorkflow(), "jobs");

        Assert.Equal(["preview", "up", "drift"], jobs.Children.Keys.Select(k => k.ToString()));
        Assert.Contains("provision preview --stack prod --markdown plan.md", Runs(Map(jobs, "preview")));
        Assert.Equal("plan.md", Scalar(Map(Step(Map(jobs, "preview"), "actions/upload-artifact@v4"), "with"), "path"));
        Assert.Contains("provision up --stack prod --yes", Runs(Map(jobs, "up")));
        Assert.Equal("production", Scalar(Map(jobs, "up"), "environment"));
        Assert.Contains("provision preview --stack prod --expect-no-changes --fail-on-unmanaged", Runs(Map(jobs, "drift")));
        Assert.Contains("github.event_name == 'schedule'", Scalar(Map(jobs, "drift"), "if"), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_job_signs_in_with_GitHub_OIDC_and_none_with_azure_login()
    {
        var workflow = LoadWorkflow();
        var jobs = Map(workflow, "jobs");

        Assert.Equal("github-oidc", Scalar(Map(workflow, "env"), "PROVISION_CREDENTIAL"));
        foreach (var (name, job) in jobs.Children)
        {
            var mapping = (YamlMappingNode)job;
            Assert.True(Scalar(Map(mapping, "permissions"), "id-token") == "write", $"job {name} cannot ask for its OIDC token");
            Assert.Equal("${{ vars.AZURE_CLIENT_ID }}", Scalar(Map(mapping, "env"), "AZURE_CLIENT_ID"));
            Assert.DoesNotContain(Steps(mapping), s => Scalar(s, "uses")?.StartsWith("azure/login", StringComparison.Ordinal) == true);
            Assert.DoesNotContain(Runs(mapping), run => run.Contains("AZURE_FEDERATED_TOKEN_FILE", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void The_example_stack_loads_cleanly_with_its_state_in_Azure_Blob()
    {
        var result = StackLoader.Load(Folder, "prod");

        Assert.Empty(result.Diagnostics);
        var url = result.Stack!.BackendUrl;
        Assert.NotNull(url);
        Assert.StartsWith("azblob://", url, StringComparison.Ordinal);
        Assert.Contains("?account=", url, StringComparison.Ordinal);
        Assert.Null(BackendUrls.Check(url, out _));
    }

    private static YamlMappingNode LoadWorkflow()
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(Folder, "provision.yml")))
        {
            stream.Load(reader);
        }

        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static YamlMappingNode Map(YamlMappingNode parent, string key) => (YamlMappingNode)parent.Children[new YamlScalarNode(key)];

    private static string? Scalar(YamlMappingNode parent, string key) =>
        parent.Children.TryGetValue(new YamlScalarNode(key), out var node) ? ((YamlScalarNode)node).Value : null;

    private static IEnumerable<YamlMappingNode> Steps(YamlMappingNode job) =>
        ((YamlSequenceNode)job.Children[new YamlScalarNode("steps")]).Children.Cast<YamlMappingNode>();

    private static YamlMappingNode Step(YamlMappingNode job, string uses) => Assert.Single(Steps(job), s => Scalar(s, "uses") == uses);

    private static List<string> Runs(YamlMappingNode job) => [.. Steps(job).Select(s => Scalar(s, "run")).OfType<string>().Select(r => r.Trim())];
}
