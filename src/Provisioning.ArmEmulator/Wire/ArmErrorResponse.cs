namespace Provisioning.ArmEmulator;

/// <summary>The ARM error body: <c>{"error":{"code":"...","message":"..."}}</c>.</summary>
/// <param name="Error">The error.</param>
internal sealed record ArmErrorResponse(ArmErrorDetail Error);

/// <summary>The code and message of an ARM error.</summary>
/// <param name="Code">The PascalCase error code.</param>
/// <param name="Message">The human-readable message.</param>
internal sealed record ArmErrorDetail(string Code, string Message);
