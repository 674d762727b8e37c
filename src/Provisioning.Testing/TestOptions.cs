using System.Text.Json;
using Provisioning.Config;
using Provisioning.Programs;
using Provisioning.Sdk;

namespace Provisioning.Testing;

/// <summary>What a program run by <c>Deployment.TestAsync</c> is for (Pulumi's <c>TestOptions</c>).</summary>
public sealed class TestOptions
{
    /// <summary>The project name; config keys without a namespace are under it. Default: <c>project</c>.</summary>
    public string ProjectName { get; init; } = "project";

    /// <summary>The stack name. Default: <c>stack</c>.</summary>
    public string StackName { get; init; } = "stack";

    /// <summary>
    /// The stack's config: key (<c>namespace:key</c>, or a bare key for the project's namespace) → value. A value is a
    /// string, number, boolean, or any object or array (serialized as JSON, as a stack file's structured value is).
    /// </summary>
    public IDictionary<string, object?> Config { get; init; } = new Dictionary<string, object?>(StringComparer.Ordinal);

    /// <summary>Config keys (as in <see cref="Config"/>) whose values are secret.</summary>
    public ISet<string> SecretConfig { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>True for a preview (the default), false for an up.</summary>
    public bool IsPreview { get; init; } = true;

    /// <summary>The state to run against: a previous run's <see cref="TestResult.State"/>; null starts from nothing.</summary>
    public TestState? State { get; init; }

    /// <summary>The cloud the stack file would name (ids do not depend on it). Default: Azure.</summary>
    public CloudSpec Cloud { get; init; } = CloudSpec.AzureCloud;

    private static readonly JsonSerializerOptions ConfigJson = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// The environment provision gives a program process run with these options, its message written to
    /// <paramref name="messagePath"/>: to run a program's own entry point and check its message with <c>Deployment.TestMessageAsync</c>.
    /// </summary>
    public IReadOnlyDictionary<string, string> EnvironmentVariables(string messagePath)
    {
        ArgumentNullException.ThrowIfNull(messagePath);
        var settings = Settings();
        return ProgramEnvironment.Variables(ProjectName, StackName, messagePath, settings.Config, settings.SecretKeys, IsPreview);
    }

    /// <summary>The settings a program run with these options sees.</summary>
    internal ProgramSettings Settings()
    {
        var config = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var secrets = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, value) in Config)
        {
            var full = key.Contains(':', StringComparison.Ordinal) ? key : $"{ProjectName}:{key}";
            config[full] = value is JsonElement element ? element.Clone() : JsonSerializer.SerializeToElement(value, value?.GetType() ?? typeof(object), ConfigJson);
            if (SecretConfig.Contains(key) || SecretConfig.Contains(full))
            {
                secrets.Add(full);
            }
        }

        return new ProgramSettings(ProjectName, StackName) { Preview = IsPreview, Config = config, SecretKeys = secrets };
    }
}
