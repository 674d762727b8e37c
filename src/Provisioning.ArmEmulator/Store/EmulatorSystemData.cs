namespace Provisioning.ArmEmulator;

/// <summary>Who created and last changed a customer subscription, and when: ARM's <c>systemData</c>, shown in api-version 2020-06-01-preview.</summary>
/// <param name="CreatedBy">The creator: a user's UPN, else the principal's object id.</param>
/// <param name="CreatedByType"><c>User</c> or <c>Application</c>.</param>
/// <param name="CreatedAt">When it was created, on the emulator's clock.</param>
/// <param name="LastModifiedBy">The last writer, as <paramref name="CreatedBy"/>.</param>
/// <param name="LastModifiedByType"><c>User</c> or <c>Application</c>.</param>
/// <param name="LastModifiedAt">When it was last written.</param>
public sealed record EmulatorSystemData(
    string CreatedBy,
    string CreatedByType,
    DateTimeOffset CreatedAt,
    string LastModifiedBy,
    string LastModifiedByType,
    DateTimeOffset LastModifiedAt);
