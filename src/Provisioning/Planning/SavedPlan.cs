using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace Provisioning.Planning;

/// <summary>
/// What <c>preview --save-plan</c> writes and <c>up --plan</c> applies: the stack, the options that shaped the
/// plan, the desired steps and the fingerprint of the refreshed actual state they were planned against.
/// Holds ids, URNs and properties only: never a token or a secret.
/// </summary>
public sealed record SavedPlan(
    [property: JsonPropertyName("format_version")] string FormatVersion,
    [property: JsonPropertyName("project")] string Project,
    [property: JsonPropertyName("stack")] string Stack,
    [property: JsonPropertyName("operation")] string Operation,
    [property: JsonPropertyName("created")] DateTimeOffset Created,
    [property: JsonPropertyName("targets")] ImmutableArray<string> Targets,
    [property: JsonPropertyName("prune")] bool Prune,
    [property: JsonPropertyName("refresh")] bool Refresh,
    [property: JsonPropertyName("steps")] ImmutableArray<SavedStep> Steps,
    [property: JsonPropertyName("actual_fingerprint")] string ActualFingerprint)
{
    /// <summary>
    /// The format version this build writes: <c>major.minor</c>. Major 2 closes the file with a checksum over every byte
    /// before it (project and stack included); a newer major is refused, a newer minor read (docs/state-format.md).
    /// </summary>
    public const string CurrentFormatVersion = "2.0";

    /// <summary>The major format version this build reads (<see cref="CurrentFormatVersion"/>'s major).</summary>
    public const int CurrentMajorVersion = 2;

    /// <summary>The change steps of a plan in the saved form (unchanged resources are left out).</summary>
    public static ImmutableArray<SavedStep> StepsOf(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return [.. plan.Steps.Where(s => s.Kind != StepKind.Same).Select(SavedStep.From)];
    }
}
