namespace Provisioning.ArmEmulator;

/// <summary>One request the emulator answered.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path, without the query string.</param>
/// <param name="StatusCode">The status code answered.</param>
public sealed record EmulatorRequest(string Method, string Path, int StatusCode);
