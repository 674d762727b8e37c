using Microsoft.AspNetCore.Http.HttpResults;

namespace Provisioning.ArmEmulator;

/// <summary>Refuses ARM requests without a bearer Authorization header or a supported api-version, as ARM's front door does.</summary>
/// <remarks>The admin routes under <c>/_emulator</c> pass through unchecked.</remarks>
internal sealed class ArmGateMiddleware(RequestDelegate next)
{
    /// <summary>The path prefix of the emulator's own (non-ARM) routes.</summary>
    public const string AdminPrefix = "/_emulator";

    /// <summary>Handles one request.</summary>
    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.Path.StartsWithSegments(AdminPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return next(context);
        }

        var refusal = Check(request);
        return refusal is null ? next(context) : refusal.ExecuteAsync(context);
    }

    private static JsonHttpResult<ArmErrorResponse>? Check(HttpRequest request)
    {
        var authorization = request.Headers.Authorization;
        if (authorization.Count == 0)
        {
            return ArmErrors.AuthenticationFailed();
        }

        var value = authorization.ToString();
        const string Scheme = "Bearer ";
        if (!value.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) || value[Scheme.Length..].Trim().Length == 0)
        {
            return ArmErrors.AuthenticationFailedInvalidHeader();
        }

        var apiVersion = request.Query["api-version"].ToString();
        if (apiVersion.Length == 0)
        {
            return ArmErrors.MissingApiVersion();
        }

        return ArmErrors.SupportedApiVersions.Contains(apiVersion, StringComparer.OrdinalIgnoreCase)
            ? null
            : ArmErrors.InvalidApiVersion(apiVersion);
    }
}
