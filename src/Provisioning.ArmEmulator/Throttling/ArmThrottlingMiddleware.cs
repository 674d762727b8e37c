namespace Provisioning.ArmEmulator;

/// <summary>ARM's front-door throttle: takes a token per request and answers 429 SubscriptionRequestsThrottled when the buckets are empty.</summary>
/// <remarks>Only requests under <c>/subscriptions/{id}</c> are throttled; every one of them carries the remaining-token headers of its kind.</remarks>
internal sealed class ArmThrottlingMiddleware(RequestDelegate next, RequestThrottle throttle, ArmEmulatorOptions options)
{
    /// <summary>Handles one request.</summary>
    public Task InvokeAsync(HttpContext context)
    {
        if (!options.Throttling.Enabled || SubscriptionOf(context.Request.Path) is not { } subscriptionId)
        {
            return next(context);
        }

        var kind = ArmOperationKinds.Of(context.Request.Method);
        var caller = ArmCaller.Of(context);
        var decision = throttle.TryAcquire(subscriptionId, caller.PrincipalId, kind);
        var headers = context.Response.Headers;
        var plural = ArmOperationKinds.Plural(kind);
        headers[$"x-ms-ratelimit-remaining-subscription-{plural}"] = decision.Remaining.ToString();
        headers[$"x-ms-ratelimit-remaining-subscription-global-{plural}"] = decision.GlobalRemaining.ToString();
        if (decision.Allowed)
        {
            return next(context);
        }

        RequestOutcome.Of(context).Throttled = true;
        headers.RetryAfter = decision.RetryAfterSeconds.ToString();
        return ArmErrors.SubscriptionRequestsThrottled(kind, subscriptionId, caller.PrincipalId, decision.RetryAfterSeconds)
            .ExecuteAsync(context);
    }

    /// <summary>Returns the subscription id of a path <c>/subscriptions/{id}/…</c>, or null.</summary>
    internal static string? SubscriptionOf(PathString path)
    {
        var value = path.Value;
        const string Prefix = "/subscriptions/";
        if (value is null || !value.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var rest = value.AsSpan(Prefix.Length);
        var end = rest.IndexOf('/');
        var id = end < 0 ? rest : rest[..end];
        return id.IsEmpty ? null : id.ToString();
    }
}
