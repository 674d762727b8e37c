using System.Text.Json;

namespace Provisioning.Sdk;

/// <summary>What a program run is for: the project, the stack, its config and whether it is a preview.</summary>
/// <param name="Project">The project name; <see cref="Config"/> without a name reads this namespace.</param>
/// <param name="Stack">The stack name.</param>
public sealed record ProgramSettings(string Project, string Stack)
{
    /// <summary>True for a preview (the default), false for a run that changes the cloud.</summary>
    public bool Preview { get; init; } = true;

    /// <summary>The stack's config values keyed <c>namespace:key</c>, as JSON. Default: none.</summary>
    public IReadOnlyDictionary<string, JsonElement> Config { get; init; } = new Dictionary<string, JsonElement>();

    /// <summary>The config keys (<c>namespace:key</c>) whose values are secret. Default: none.</summary>
    public IReadOnlySet<string> SecretKeys { get; init; } = new HashSet<string>();
}
