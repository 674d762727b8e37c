namespace Provisioning.ArmEmulator;

/// <summary>The JSON of ARM's <c>systemData</c> (common-types v2), times in UTC ISO 8601 with a <c>Z</c>.</summary>
/// <param name="CreatedBy">The creator.</param>
/// <param name="CreatedByType"><c>User</c> or <c>Application</c>.</param>
/// <param name="CreatedAt">The creation time.</param>
/// <param name="LastModifiedBy">The last writer.</param>
/// <param name="LastModifiedByType"><c>User</c> or <c>Application</c>.</param>
/// <param name="LastModifiedAt">The last write time.</param>
internal sealed record SystemDataResource(
    string CreatedBy, string CreatedByType, string CreatedAt, string LastModifiedBy, string LastModifiedByType, string LastModifiedAt)
{
    /// <summary>Builds the JSON of stored system data, or null when there is none.</summary>
    public static SystemDataResource? From(EmulatorSystemData? d) => d is null
        ? null
        : new(d.CreatedBy, d.CreatedByType, Format(d.CreatedAt), d.LastModifiedBy, d.LastModifiedByType, Format(d.LastModifiedAt));

    /// <summary>Formats a time as ARM does: <c>2024-05-01T10:46:28.0196385Z</c>.</summary>
    public static string Format(DateTimeOffset time) => time.UtcDateTime.ToString("O");
}
