namespace Provisioning.ArmEmulator;

/// <summary>The throttle's answer to one request.</summary>
/// <param name="Allowed">Whether the request may proceed (a token was taken from both buckets).</param>
/// <param name="Remaining">The whole tokens left in the caller's bucket, for <c>x-ms-ratelimit-remaining-subscription-*</c>.</param>
/// <param name="GlobalRemaining">The whole tokens left in the subscription's global bucket.</param>
/// <param name="RetryAfterSeconds">When refused: the whole seconds (at least 1) until both buckets hold a token.</param>
internal readonly record struct ThrottleDecision(bool Allowed, long Remaining, long GlobalRemaining, int RetryAfterSeconds);
