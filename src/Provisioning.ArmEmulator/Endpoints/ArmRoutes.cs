namespace Provisioning.ArmEmulator;

/// <summary>The table of contents of the emulator: its middleware and every route, in order.</summary>
internal static class ArmRoutes
{
    /// <summary>
    /// Adds the ARM front-door behaviour (repeated slashes, ids, auth and api-version checks, name rules, throttling,
    /// injected faults), the resource routes, the admin routes and the 404 fallback.
    /// </summary>
    public static WebApplication MapArmRoutes(this WebApplication app)
    {
        app.UseMiddleware<ArmPathMiddleware>();
        app.UseRouting();
        app.UseMiddleware<ArmHeadersMiddleware>();
        app.UseStatusCodePages(context => ArmErrors.ForStatus(
            context.HttpContext.Response.StatusCode, context.HttpContext.Request).ExecuteAsync(context.HttpContext));
        app.UseMiddleware<ArmGateMiddleware>();
        app.UseMiddleware<ArmNamesMiddleware>();
        app.UseMiddleware<ArmThrottlingMiddleware>();
        app.UseMiddleware<FaultInjectionMiddleware>();

        app.MapRegistrations();
        app.MapCustomerSubscriptions();
        app.MapAdmin();
        app.MapFallback((HttpRequest request) => ArmErrors.RouteNotFound(request.Path));
        return app;
    }
}
