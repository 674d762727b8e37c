namespace Provisioning.Programs;

/// <summary>The environment variables the engine starts a program with (docs/program-contract.md), one name each.</summary>
public static class ProgramEnvironment
{
    /// <summary>The project name (required).</summary>
    public const string Project = "PROVISION_PROJECT";

    /// <summary>The stack name (required).</summary>
    public const string Stack = "PROVISION_STACK";

    /// <summary>The path of the file the program writes its message to (required; its presence says the engine runs the program).</summary>
    public const string ProgramOutput = "PROVISION_PROGRAM_OUTPUT";

    /// <summary>The stack file's <c>config:</c> as one JSON object keyed <c>namespace:key</c> (optional, default <c>{}</c>).</summary>
    public const string Config = "PROVISION_CONFIG";

    /// <summary>A JSON array of the config keys that are secret (optional, default <c>[]</c>).</summary>
    public const string ConfigSecretKeys = "PROVISION_CONFIG_SECRET_KEYS";

    /// <summary><c>true</c> for preview, <c>false</c> for up, destroy and the others (optional, default <c>true</c>).</summary>
    public const string Preview = "PROVISION_PREVIEW";

    /// <summary>The message formats the engine reads, comma-separated (optional, default <see cref="ProgramMessage.CurrentFormat"/>).</summary>
    public const string Formats = "PROVISION_PROGRAM_FORMATS";

    /// <summary>
    /// The variables to start a program with: <paramref name="outputPath"/> is where it writes its message,
    /// <paramref name="config"/> the stack's config (<see cref="ProgramConfig.FromStackFile"/>), <paramref name="secretKeys"/> its secret keys.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Variables(
        string project,
        string stack,
        string outputPath,
        IReadOnlyDictionary<string, System.Text.Json.JsonElement> config,
        IEnumerable<string> secretKeys,
        bool preview)
    {
        ArgumentNullException.ThrowIfNull(secretKeys);
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [Project] = project,
            [Stack] = stack,
            [ProgramOutput] = outputPath,
            [Config] = ProgramConfig.ToEnvironmentValue(config),
            [ConfigSecretKeys] = System.Text.Json.JsonSerializer.Serialize([.. secretKeys], ProgramMessageJsonContext.Default.StringArray),
            [Preview] = preview ? "true" : "false",
            [Formats] = ProgramMessage.CurrentFormat,
        };
    }
}
