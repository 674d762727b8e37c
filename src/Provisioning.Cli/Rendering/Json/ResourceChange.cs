using System.Text.Json.Serialization;

namespace Provisioning.Cli.Rendering.Json;

/// <summary>One resource's change: URN (<c>address</c>), ARM id, type, name, the change itself and, after an apply, its outcome.</summary>
internal sealed record ResourceChange(
    string Address,
    string Id,
    string Type,
    string Name,
    Change Change,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ActionReason,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Note,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] StepOutcome? Outcome);
