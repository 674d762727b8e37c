using System.Text.Json.Serialization;

namespace Provisioning.Cli.Rendering.Json;

/// <summary>
/// The one JSON document <c>--json</c> prints (see docs/json-output.md and schema/plan-output.schema.json):
/// every resource change in the shape of Terraform's <c>resource_changes</c>, a summary, for up and destroy the outcome, and
/// for a C# program (not for destroy) its stack outputs by name (format 1.2; absent for a YAML stack, which has none).
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
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ApplyOutcome? Outcome,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, StackOutput>? Outputs = null)
{
    /// <summary>The version of this shape; a breaking change bumps the major number.</summary>
    public const string CurrentFormatVersion = "1.2";
}
