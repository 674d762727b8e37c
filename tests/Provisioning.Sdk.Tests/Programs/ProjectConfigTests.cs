using Provisioning.Config;
using Provisioning.Programs;

namespace Provisioning.Sdk.Tests.Programs;

/// <summary>Pulumi's project-level config for a C# program: defaults in Pulumi.yaml, the stack file's values over them.</summary>
public sealed class ProjectConfigTests
{
    private const string ProjectYaml = """
        name: fleet
        runtime: dotnet
        config:
          region: west                      # the program's own key, short form
          fleet:tenantsFile:
            type: string
            default: tenants.csv            # a declaration with a default
          stamps:
            - key: west
          other:ignored: 1                  # another tool's namespace
          cloud: local
        """;

    [Fact]
    public void The_program_sees_the_projects_defaults_under_its_namespace_and_the_stack_file_wins()
    {
        var defaults = ProgramConfig.FromProjectFile("Pulumi.yaml", ProjectYaml, "fleet");
        var (stack, diagnostics) = ProgramConfig.FromStackFile("Pulumi.dev.yaml", "config:\n  fleet:region: east\n");

        var merged = ProgramConfig.Merge(defaults, stack);

        Assert.Empty(diagnostics);
        Assert.Equal("east", merged["fleet:region"].GetString());
        Assert.Equal("tenants.csv", merged["fleet:tenantsFile"].GetString());
        Assert.Equal("west", merged["fleet:stamps"][0].GetProperty("key").GetString());
        Assert.False(merged.ContainsKey("other:ignored"));
    }

    [Fact]
    public void A_program_projects_own_config_keys_are_not_reported_as_unknown()
    {
        var folder = Directory.CreateTempSubdirectory("program-config-").FullName;
        StackLoadResult loaded;
        try
        {
            File.WriteAllText(Path.Combine(folder, "Pulumi.yaml"), ProjectYaml);
            File.WriteAllText(Path.Combine(folder, "Pulumi.dev.yaml"), "config:\n  fleet:region: east\n");
            loaded = StackLoader.Load(folder, "dev");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        Assert.False(loaded.HasErrors, string.Join("\n", loaded.Diagnostics));
        Assert.NotNull(loaded.Program);
        Assert.DoesNotContain(loaded.Diagnostics, d => d.Message.Contains("region", StringComparison.Ordinal) || d.Message.Contains("stamps", StringComparison.Ordinal));
    }

    [Fact]
    public void A_yaml_project_still_refuses_a_key_it_does_not_know()
    {
        var loaded = StackLoader.Parse("Pulumi.yaml", "name: fleet\nconfig:\n  region: west\n", "Pulumi.dev.yaml", "config:\n  fleet:cloud: local\n  fleet:registrations: {}\n  fleet:tenants: {}\n", "dev");

        Assert.Contains(loaded.Diagnostics, d => d.Message.Contains("region", StringComparison.Ordinal));
    }
}
