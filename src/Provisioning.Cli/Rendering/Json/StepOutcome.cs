using System.Text.Json.Serialization;

namespace Provisioning.Cli.Rendering.Json;

/// <summary>What happened to one step of an apply: <c>succeeded</c>, <c>failed</c> (with the error) or <c>skipped</c>.</summary>
internal sealed record StepOutcome(
    string Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Error);
