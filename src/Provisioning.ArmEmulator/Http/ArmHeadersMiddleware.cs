namespace Provisioning.ArmEmulator;

/// <summary>Stamps ARM's request-id headers on every response and records the request in the log.</summary>
internal sealed class ArmHeadersMiddleware(RequestDelegate next, EmulatorRequestLog log)
{
    /// <summary>Handles one request.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var headers = context.Response.Headers;
        headers["x-ms-request-id"] = Guid.NewGuid().ToString();
        var correlation = request.Headers["x-ms-correlation-request-id"].ToString();
        headers["x-ms-correlation-request-id"] = correlation.Length > 0 ? correlation : Guid.NewGuid().ToString();
        var clientRequestId = request.Headers["x-ms-client-request-id"].ToString();
        if (clientRequestId.Length > 0
            && string.Equals(request.Headers["x-ms-return-client-request-id"], "true", StringComparison.OrdinalIgnoreCase))
        {
            headers["x-ms-client-request-id"] = clientRequestId;
        }

        var outcome = RequestOutcome.Of(context);
        var recorded = 0;
        outcome.Record = () =>
        {
            if (Interlocked.Exchange(ref recorded, 1) == 0)
            {
                log.Record(new EmulatorRequest(request.Method, request.Path.Value ?? "/", outcome.Dropped ? 0 : context.Response.StatusCode)
                {
                    Fault = outcome.Fault,
                    Throttled = outcome.Throttled,
                });
            }
        };
        try
        {
            await next(context);
        }
        finally
        {
            outcome.Record();
        }
    }
}
