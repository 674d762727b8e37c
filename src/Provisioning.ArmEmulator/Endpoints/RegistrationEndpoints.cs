using Microsoft.AspNetCore.Http.HttpResults;

namespace Provisioning.ArmEmulator;

/// <summary>The routes of <c>Microsoft.AzureStack/registrations</c>; resource groups are implicit.</summary>
internal static class RegistrationEndpoints
{
    /// <summary>The route of the registrations collection of one resource group.</summary>
    public const string CollectionRoute =
        "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroup}/providers/Microsoft.AzureStack/registrations";

    /// <summary>Maps list, PUT, GET and DELETE of registrations.</summary>
    public static RouteGroupBuilder MapRegistrations(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(CollectionRoute);
        group.MapGet("", List);
        group.MapPut("/{registrationName}", PutAsync);
        group.MapGet("/{registrationName}", Get);
        group.MapDelete("/{registrationName}", Delete);
        return group;
    }

    private static Ok<ResourceList<RegistrationResource>> List(string subscriptionId, string resourceGroup, EmulatorStore store) =>
        TypedResults.Ok(new ResourceList<RegistrationResource>(
            [.. store.ListRegistrations(subscriptionId, resourceGroup).Select(RegistrationResource.From)]));

    private static async Task<Results<Ok<RegistrationResource>, Created<RegistrationResource>, JsonHttpResult<ArmErrorResponse>>> PutAsync(
        string subscriptionId, string resourceGroup, string registrationName,
        HttpRequest request, EmulatorStore store, CancellationToken cancellationToken)
    {
        var (document, error) = await RequestBody.ReadObjectAsync(request, cancellationToken);
        if (document is null)
        {
            return error!;
        }

        string? billingModel;
        using (document)
        {
            var root = document.RootElement;
            var location = RequestBody.StringProperty(root, "location");
            if (!string.Equals(location, "global", StringComparison.OrdinalIgnoreCase))
            {
                return ArmErrors.LocationNotAvailable(location);
            }

            var properties = RequestBody.ObjectProperty(root, "properties");
            if (properties is null || string.IsNullOrWhiteSpace(RequestBody.StringProperty(properties.Value, "registrationToken")))
            {
                return ArmErrors.InvalidRequestContent("'properties.registrationToken' is required.");
            }

            billingModel = RequestBody.StringProperty(properties.Value, "billingModel");
        }

        var (registration, created) = store.PutRegistration(subscriptionId, resourceGroup, registrationName, billingModel);
        var body = RegistrationResource.From(registration);
        return created ? TypedResults.Created((string?)null, body) : TypedResults.Ok(body);
    }

    private static Results<Ok<RegistrationResource>, JsonHttpResult<ArmErrorResponse>> Get(
        string subscriptionId, string resourceGroup, string registrationName, EmulatorStore store) =>
        store.FindRegistration(subscriptionId, resourceGroup, registrationName) is { } registration
            ? TypedResults.Ok(RegistrationResource.From(registration))
            : ArmErrors.ResourceNotFound($"{RegistrationResource.ResourceType}/{registrationName}", resourceGroup);

    private static Results<Ok, NoContent> Delete(
        string subscriptionId, string resourceGroup, string registrationName, EmulatorStore store) =>
        store.DeleteRegistration(subscriptionId, resourceGroup, registrationName)
            ? TypedResults.Ok()
            : TypedResults.NoContent();
}
