namespace Provisioning.ArmEmulator;

/// <summary>What the front-door middleware did to one request, read back when the request is logged.</summary>
internal sealed class RequestOutcome
{
    /// <summary>Gets or sets the fault injected, if any.</summary>
    public EmulatorFault Fault { get; set; }

    /// <summary>Gets or sets a value indicating whether the throttle refused the request with 429.</summary>
    public bool Throttled { get; set; }

    /// <summary>
    /// Gets or sets what writes the request to the log, at most once; a fault that aborts the connection calls it first,
    /// so the log already holds the request when the caller sees the connection drop.
    /// </summary>
    public Action? Record { get; set; }

    /// <summary>Gets a value indicating whether the connection was aborted, so no status reached the caller.</summary>
    public bool Dropped => Fault is EmulatorFault.DroppedConnection or EmulatorFault.DroppedAfterCommit;

    /// <summary>Returns the outcome of the request, creating it on first use.</summary>
    public static RequestOutcome Of(HttpContext context)
    {
        if (context.Features.Get<RequestOutcome>() is { } outcome)
        {
            return outcome;
        }

        outcome = new RequestOutcome();
        context.Features.Set(outcome);
        return outcome;
    }
}
