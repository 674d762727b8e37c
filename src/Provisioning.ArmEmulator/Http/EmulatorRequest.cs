namespace Provisioning.ArmEmulator;

/// <summary>One request the emulator answered.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path, without the query string.</param>
/// <param name="StatusCode">The status code answered; 0 when the connection was dropped, so no status reached the caller.</param>
public sealed record EmulatorRequest(string Method, string Path, int StatusCode)
{
    /// <summary>Gets the fault injected into the request (<see cref="EmulatorFault.None"/> by default).</summary>
    public EmulatorFault Fault { get; init; }

    /// <summary>Gets a value indicating whether ARM's throttle refused the request with 429.</summary>
    public bool Throttled { get; init; }

    /// <summary>Gets the operation kind, or null for the emulator's own <c>/_emulator</c> routes.</summary>
    public ArmOperationKind? Kind =>
        Path.StartsWith(ArmGateMiddleware.AdminPrefix, StringComparison.OrdinalIgnoreCase) ? null : ArmOperationKinds.Of(Method);
}
