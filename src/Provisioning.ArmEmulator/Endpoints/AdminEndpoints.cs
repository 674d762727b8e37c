using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Provisioning.ArmEmulator;

/// <summary>The emulator's own routes for tests and debugging (not ARM; no auth, no api-version).</summary>
internal static class AdminEndpoints
{
    /// <summary>Maps <c>GET /_emulator/state</c> and <c>GET /_emulator/requests</c>.</summary>
    public static RouteGroupBuilder MapAdmin(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(ArmGateMiddleware.AdminPrefix);
        group.MapGet("/state", State);
        group.MapGet("/requests", Requests);
        return group;
    }

    private static JsonHttpResult<StateDocument> State(EmulatorStore store) =>
        TypedResults.Json(store.Snapshot(), EmulatorJson.Info<StateDocument>());

    private static JsonHttpResult<RequestLogSummary> Requests(EmulatorRequestLog log) =>
        TypedResults.Json(
            new RequestLogSummary(
                log.Count,
                [
                    .. log.Counts
                        .OrderBy(c => c.Key.Method, StringComparer.Ordinal)
                        .ThenBy(c => c.Key.StatusCode)
                        .Select(c => new RequestCount(c.Key.Method, c.Key.StatusCode, c.Value)),
                ],
                [
                    .. log.CountsByKind
                        .OrderBy(c => c.Key.Kind)
                        .ThenBy(c => c.Key.StatusCode)
                        .Select(c => new KindCount(ArmOperationKinds.Singular(c.Key.Kind), c.Key.StatusCode, c.Value)),
                ],
                log.ThrottledCount,
                [
                    .. log.FaultCounts
                        .OrderBy(c => c.Key)
                        .Select(c => new FaultCount(JsonNamingPolicy.CamelCase.ConvertName(c.Key.ToString()), c.Value)),
                ]),
            EmulatorJson.Info<RequestLogSummary>());
}
