using System.Text.Json.Serialization;

namespace Provisioning.Cli.Rendering.Json;

/// <summary>
/// The one JSON document <c>--json</c> prints (see docs/json-output.md and schema/plan-output.schema.json):
/// every resource change in the shape of Terraform's <c>resource_changes</c>, a summary, and for up and destroy the outcome.
/// </summary>
internal sealed record PlanDocument(
    string FormatVersion,
    string Operation,
    string Project,
    string Stack,
    IReadOnlyList<ResourceChange> ResourceChanges,
    IReadOnlyList<ResourceChange> UnmanagedResources,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<string> Errors,
    ChangeSummary Summary,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ApplyOutcome? Outcome)
{
    /// <summary>The version of this shape; a breaking change bumps the major number.</summary>
    public const string CurrentFormatVersion = "1.1";
}
