namespace Provisioning.ArmEmulator;

/// <summary>The principal writing a customer subscription, and when, for its <c>systemData</c>.</summary>
/// <param name="Name">The UPN or principal id.</param>
/// <param name="Type"><c>User</c> or <c>Application</c>.</param>
/// <param name="At">The time of the write.</param>
internal readonly record struct MappingAuthor(string Name, string Type, DateTimeOffset At);
