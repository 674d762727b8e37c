using Microsoft.AspNetCore.Http.HttpResults;

namespace Provisioning.ArmEmulator;

/// <summary>The one catalogue of every ARM error the emulator answers, with ARM's codes, statuses and wording.</summary>
internal static class ArmErrors
{
    /// <summary>The api-versions the emulator serves.</summary>
    public static readonly IReadOnlyList<string> SupportedApiVersions = ["2017-06-01", "2020-06-01-preview", "2022-06-01"];

    /// <summary>400: the request has no api-version query parameter.</summary>
    public static JsonHttpResult<ArmErrorResponse> MissingApiVersion() => Error(
        StatusCodes.Status400BadRequest, "MissingApiVersionParameter",
        "The api-version query parameter (?api-version=) is required for all requests.");

    /// <summary>400: the api-version is not one the emulator serves.</summary>
    public static JsonHttpResult<ArmErrorResponse> InvalidApiVersion(string apiVersion) => Error(
        StatusCodes.Status400BadRequest, "InvalidApiVersionParameter",
        $"The api-version '{apiVersion}' is invalid. The supported versions are '{string.Join(',', SupportedApiVersions)}'.");

    /// <summary>401: the request has no Authorization header.</summary>
    public static JsonHttpResult<ArmErrorResponse> AuthenticationFailed() => Error(
        StatusCodes.Status401Unauthorized, "AuthenticationFailed",
        "Authentication failed. The 'Authorization' header is missing.");

    /// <summary>401: the Authorization header is not <c>Bearer &lt;token&gt;</c>.</summary>
    public static JsonHttpResult<ArmErrorResponse> AuthenticationFailedInvalidHeader() => Error(
        StatusCodes.Status401Unauthorized, "AuthenticationFailedInvalidHeader",
        "Authentication failed. The 'Authorization' header is provided in an invalid format.");

    /// <summary>400: the subscription id in the path is not a GUID; ARM's wording.</summary>
    public static JsonHttpResult<ArmErrorResponse> InvalidSubscriptionId(string subscriptionId) => Error(
        StatusCodes.Status400BadRequest, "InvalidSubscriptionId",
        $"The provided subscription identifier '{ArmNames.Quote(subscriptionId)}' is malformed or invalid.");

    /// <summary>400: the resource group name in the path breaks ARM's rules.</summary>
    public static JsonHttpResult<ArmErrorResponse> InvalidResourceGroupName(string name, string problem) => Error(
        StatusCodes.Status400BadRequest, "InvalidResourceGroupName",
        $"The resource group name '{ArmNames.Quote(name)}' is invalid: {problem}.");

    /// <summary>400: a resource name in the path breaks ARM's rules (arm-api.md §3.4).</summary>
    public static JsonHttpResult<ArmErrorResponse> InvalidResourceName(string name, string problem) => Error(
        StatusCodes.Status400BadRequest, "InvalidResourceName",
        $"The resource name '{ArmNames.Quote(name)}' is invalid: {problem}.");

    /// <summary>404: the resource does not exist under an existing parent.</summary>
    public static JsonHttpResult<ArmErrorResponse> ResourceNotFound(string typeAndName, string resourceGroup) => Error(
        StatusCodes.Status404NotFound, "ResourceNotFound",
        $"The Resource '{typeAndName}' under resource group '{resourceGroup}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix");

    /// <summary>404: the parent registration of a nested resource does not exist.</summary>
    public static JsonHttpResult<ArmErrorResponse> ParentResourceNotFound(string parentName) => Error(
        StatusCodes.Status404NotFound, "ParentResourceNotFound",
        $"Can not perform requested operation on nested resource. Parent resource '{parentName}' not found.");

    /// <summary>404: no route of the emulator matches the path.</summary>
    public static JsonHttpResult<ArmErrorResponse> RouteNotFound(string path) => Error(
        StatusCodes.Status404NotFound, "NotFound",
        $"No HTTP resource was found that matches the request URI '{path}'.");

    /// <summary>405: the route exists but not for this HTTP method.</summary>
    public static JsonHttpResult<ArmErrorResponse> MethodNotAllowed(string method) => Error(
        StatusCodes.Status405MethodNotAllowed, "MethodNotAllowed",
        $"The requested resource does not support http method '{method}'.");

    /// <summary>400: the body is missing or is not the JSON the operation expects.</summary>
    public static JsonHttpResult<ArmErrorResponse> InvalidRequestContent(string reason) => Error(
        StatusCodes.Status400BadRequest, "InvalidRequestContent",
        $"The request content was invalid and could not be deserialized: {reason}");

    /// <summary>400: <c>properties.tenantId</c> is not a GUID.</summary>
    public static JsonHttpResult<ArmErrorResponse> InvalidTenantId(string? tenantId) => Error(
        StatusCodes.Status400BadRequest, "InvalidTenantId",
        $"The tenant id '{(tenantId is null ? null : ArmNames.Quote(tenantId))}' is not valid. It must be a GUID.");

    /// <summary>400: the customer subscription name is not a subscription id.</summary>
    public static JsonHttpResult<ArmErrorResponse> InvalidCustomerSubscriptionId(string name) => Error(
        StatusCodes.Status400BadRequest, "InvalidCustomerSubscriptionId",
        $"The customer subscription id '{ArmNames.Quote(name)}' is not a valid Azure subscription id.");

    /// <summary>400: the registration location is not <c>global</c>.</summary>
    public static JsonHttpResult<ArmErrorResponse> LocationNotAvailable(string? location) => Error(
        StatusCodes.Status400BadRequest, "LocationNotAvailableForResourceType",
        $"The provided location '{location}' is not available for resource type '{RegistrationResource.ResourceType}'. List of available regions for the resource type is 'global'.");

    /// <summary>409: the registration's billing model is Capacity, which takes no tenants (only pay-as-you-use registrations do).</summary>
    /// <remarks>The RP's status is undocumented; 409 because the request is well-formed but conflicts with the parent's state, and like 400 it is never retried.</remarks>
    public static JsonHttpResult<ArmErrorResponse> CustomerSubscriptionsNotAllowed(string registrationName) => Error(
        StatusCodes.Status409Conflict, "CustomerSubscriptionsNotAllowed",
        $"Customer subscriptions are not allowed for registration '{registrationName}': its billing model is 'Capacity'. Only pay-as-you-use registrations can register tenants.");

    /// <summary>429: the caller's (or the subscription's global) token bucket of this kind is empty; ARM's wording.</summary>
    public static JsonHttpResult<ArmErrorResponse> SubscriptionRequestsThrottled(
        ArmOperationKind kind, string subscriptionId, string principalId, int retryAfterSeconds) => Error(
        StatusCodes.Status429TooManyRequests, "SubscriptionRequestsThrottled",
        $"Number of '{ArmOperationKinds.Singular(kind)}' requests for subscription '{subscriptionId}' actor '{principalId}' exceeded. "
        + $"Please try again after '{retryAfterSeconds}' seconds after additional tokens are available. Refer to https://aka.ms/arm-throttling for additional information.");

    /// <summary>500: an injected internal error.</summary>
    public static JsonHttpResult<ArmErrorResponse> InternalServerError() => Error(
        StatusCodes.Status500InternalServerError, "InternalServerError",
        $"Encountered internal server error. Diagnostic information: tracking id '{Guid.NewGuid()}'.");

    /// <summary>503: an injected unavailability.</summary>
    public static JsonHttpResult<ArmErrorResponse> ServiceUnavailable() => Error(
        StatusCodes.Status503ServiceUnavailable, "ServiceUnavailable",
        "The service is temporarily unavailable. Please try again later.");

    /// <summary>429: an injected throttle of the resource provider (the caller's ARM buckets are not involved).</summary>
    public static JsonHttpResult<ArmErrorResponse> TooManyRequests() => Error(
        StatusCodes.Status429TooManyRequests, "TooManyRequests",
        "The request could not be processed due to an excessive volume of traffic. Please try again later.");

    /// <summary>An error answer for a bodiless status the framework produced (such as 405).</summary>
    public static JsonHttpResult<ArmErrorResponse> ForStatus(int statusCode, HttpRequest request) => statusCode switch
    {
        StatusCodes.Status404NotFound => RouteNotFound(request.Path),
        StatusCodes.Status405MethodNotAllowed => MethodNotAllowed(request.Method),
        _ => Error(statusCode, "BadRequest", $"The request failed with status {statusCode}."),
    };

    private static JsonHttpResult<ArmErrorResponse> Error(int statusCode, string code, string message) =>
        TypedResults.Json(new ArmErrorResponse(new ArmErrorDetail(code, message)), EmulatorJson.Info<ArmErrorResponse>(), statusCode: statusCode);
}
