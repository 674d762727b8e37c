namespace Provisioning.Config;

/// <summary>Loads <c>Pulumi.yaml</c> and <c>Pulumi.&lt;stack&gt;.yaml</c> into a validated <see cref="StackDefinition"/>.</summary>
public static class StackLoader
{
    /// <summary>Reads the project file and the stack file from <paramref name="projectDirectory"/> and validates them.</summary>
    public static StackLoadResult Load(string projectDirectory, string stack) =>
        throw new NotImplementedException();

    /// <summary>Validates the given texts; file names are used only in diagnostics.</summary>
    public static StackLoadResult Parse(string projectFile, string projectYaml, string stackFile, string stackYaml, string stack) =>
        throw new NotImplementedException();
}
