namespace Provisioning.ArmEmulator;

/// <summary>A failure the emulator injected on purpose (see <see cref="FaultOptions"/>).</summary>
public enum EmulatorFault
{
    /// <summary>No fault: the request was handled normally.</summary>
    None,

    /// <summary>Answered 500 InternalServerError before touching the store.</summary>
    InternalServerError,

    /// <summary>Answered 503 ServiceUnavailable before touching the store.</summary>
    ServiceUnavailable,

    /// <summary>Answered 429 with Retry-After before touching the store.</summary>
    TooManyRequests,

    /// <summary>The connection was aborted before touching the store; no answer was sent.</summary>
    DroppedConnection,

    /// <summary>Handled normally after a delay.</summary>
    Delayed,

    /// <summary>Handled (a PUT or DELETE took effect), then the connection was aborted before the answer was sent.</summary>
    DroppedAfterCommit,
}
