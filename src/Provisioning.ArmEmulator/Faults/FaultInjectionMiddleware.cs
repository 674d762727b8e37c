namespace Provisioning.ArmEmulator;

/// <summary>Injects the configured faults; all but <see cref="EmulatorFault.Delayed"/> and <see cref="EmulatorFault.DroppedAfterCommit"/> answer before the store is touched.</summary>
internal sealed class FaultInjectionMiddleware(RequestDelegate next, FaultPlan plan, ArmEmulatorOptions options)
{
    /// <summary>Handles one request.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        if (!plan.Enabled || context.Request.Path.StartsWithSegments(ArmGateMiddleware.AdminPrefix, StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }

        var fault = plan.Draw(ArmOperationKinds.Of(context.Request.Method));
        RequestOutcome.Of(context).Fault = fault;
        switch (fault)
        {
            case EmulatorFault.InternalServerError:
                await ArmErrors.InternalServerError().ExecuteAsync(context);
                break;
            case EmulatorFault.ServiceUnavailable:
                await ArmErrors.ServiceUnavailable().ExecuteAsync(context);
                break;
            case EmulatorFault.TooManyRequests:
                context.Response.Headers.RetryAfter = options.Faults.RetryAfterSeconds.ToString();
                await ArmErrors.TooManyRequests().ExecuteAsync(context);
                break;
            case EmulatorFault.DroppedConnection:
                RequestOutcome.Of(context).Record?.Invoke();
                context.Abort();
                break;
            case EmulatorFault.Delayed:
                await DelayedAsync(context);
                break;
            case EmulatorFault.DroppedAfterCommit:
                // The answer goes nowhere, so nothing reaches the caller before the abort.
                context.Response.Body = Stream.Null;
                await next(context);
                RequestOutcome.Of(context).Record?.Invoke();
                context.Abort();
                break;
            default:
                await next(context);
                break;
        }
    }

    private async Task DelayedAsync(HttpContext context)
    {
        try
        {
            await Task.Delay(options.Faults.Delay, options.TimeProvider, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The caller gave up while waiting: there is no one to answer.
            return;
        }

        await next(context);
    }
}
