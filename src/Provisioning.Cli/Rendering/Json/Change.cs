namespace Provisioning.Cli.Rendering.Json;

/// <summary>Terraform's <c>change</c>: the actions (<c>create</c>, <c>update</c>, <c>delete</c>, <c>forget</c>, <c>no-op</c>) and the properties before and after (null when absent).</summary>
internal sealed record Change(
    IReadOnlyList<string> Actions,
    IReadOnlyDictionary<string, string>? Before,
    IReadOnlyDictionary<string, string>? After);
