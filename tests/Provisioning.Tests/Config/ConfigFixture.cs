using Provisioning.Diagnostics;
using Provisioning.Config;

namespace Provisioning.Tests.Config;

/// <summary>Shared inputs for config tests: a valid project file and a way to parse a stack text.</summary>
internal static class ConfigFixture
{
    public const string ProjectFile = "Pulumi.yaml";
    public const string StackFile = "Pulumi.local.yaml";

    public const string Project = """
        name: tenant-registrations
        runtime: yaml
        description: Tenant registrations of our stamps
        """;

    public static StackLoadResult ParseStack(string stackYaml, string? projectYaml = null, string stack = "local") =>
        StackLoader.Parse(ProjectFile, projectYaml ?? Project, StackFile, stackYaml, stack);

    /// <summary>The one diagnostic with <paramref name="code"/>; fails when there is none or more than one.</summary>
    public static Diagnostic Single(StackLoadResult result, string code)
    {
        var matches = result.Diagnostics.Where(d => d.Code == code).ToList();
        Assert.True(matches.Count == 1, $"Expected one {code}, got: {string.Join(Environment.NewLine, result.Diagnostics)}");
        return matches[0];
    }

    /// <summary>Asserts the diagnostic's code, level and place.</summary>
    public static Diagnostic AssertAt(StackLoadResult result, string code, int line, int column, string file = StackFile)
    {
        var diagnostic = Single(result, code);
        Assert.Equal(new SourceSpan(file, line, column), diagnostic.Span);
        return diagnostic;
    }
}
