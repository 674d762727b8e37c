using Provisioning.Config;

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

    /// <summary>The cloud the stack file would name (ids do not depend on it). Default: Azure.</summary>
    public CloudSpec Cloud { get; init; } = CloudSpec.AzureCloud;
}
