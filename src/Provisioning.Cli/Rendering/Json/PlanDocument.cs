using System.Text.Json.Serialization;

namespace Provisioning.Cli.Rendering.Json;

/// <summary>
/// The one JSON document <c>--json</c> prints (see docs/json-output.md and schema/plan-output.schema.json):
/// every resource change in the shape of Terraform's <c>resource_changes</c>, what drifted in Azure since the last run
/// (Terraform's <c>resource_drift</c>), a summary, for up and destroy the outcome, and for a C# program (not for destroy)
/// its stack outputs by name (format 1.2; absent for a YAML stack, which has none). Since 1.3 it says which provision
/// wrote it, when, and how the run ended (<c>status</c>), with the diagnostics of a refusal.
/// </summary>
internal sealed record PlanDocument(
    string FormatVersion,
    string ProvisionVersion,
    string Timestamp,
    string Status,
    string Operation,
    string Project,
    string Stack,
    IReadOnlyList<ResourceChange> ResourceChanges,
    IReadOnlyList<ResourceDrift> ResourceDrift,
    IReadOnlyList<ResourceChange> UnmanagedResources,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<string> Errors,
    IReadOnlyList<DiagnosticEntry> Diagnostics,
    ChangeSummary Summary,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ApplyOutcome? Outcome,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, StackOutput>? Outputs = null)
{
    /// <summary>The version of this shape; a breaking change bumps the major number.</summary>
    public const string CurrentFormatVersion = "1.3";
}
