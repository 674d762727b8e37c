using Microsoft.AspNetCore.Http.HttpResults;

namespace Provisioning.ArmEmulator;

/// <summary>Refuses a request whose path names a subscription, resource group or resource as ARM would not (see <see cref="ArmNames"/>), with ARM's 400 bodies.</summary>
internal sealed class ArmNamesMiddleware(RequestDelegate next)
{
    /// <summary>Handles one request.</summary>
    public Task InvokeAsync(HttpContext context)
    {
        var refusal = Check(context.Request.RouteValues);
        return refusal is null ? next(context) : refusal.ExecuteAsync(context);
    }

    private static JsonHttpResult<ArmErrorResponse>? Check(RouteValueDictionary values)
    {
        if (values.TryGetValue("subscriptionId", out var subscription) && subscription is string subscriptionId
            && ArmNames.SubscriptionIdProblem(subscriptionId) is not null)
        {
            return ArmErrors.InvalidSubscriptionId(subscriptionId);
        }

        if (values.TryGetValue("resourceGroup", out var group) && group is string resourceGroup
            && ArmNames.ResourceGroupProblem(resourceGroup) is { } groupProblem)
        {
            return ArmErrors.InvalidResourceGroupName(resourceGroup, groupProblem);
        }

        foreach (var key in (string[])["registrationName", "customerSubscriptionName"])
        {
            if (values.TryGetValue(key, out var value) && value is string name && ArmNames.ResourceNameProblem(name) is { } problem)
            {
                return ArmErrors.InvalidResourceName(name, problem);
            }
        }

        return null;
    }
}
