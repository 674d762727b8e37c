using Microsoft.AspNetCore.Http.HttpResults;

namespace Provisioning.ArmEmulator;

/// <summary>The routes of <c>Microsoft.AzureStack/registrations</c>; resource groups are implicit.</summary>
internal static class RegistrationEndpoints
{
    /// <summary>The route of the registrations collection of one resource group (Registrations_List).</summary>
    public const string CollectionRoute =
        "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroup}/providers/Microsoft.AzureStack/registrations";

    /// <summary>The route of the registrations of a whole subscription (Registrations_ListBySubscription).</summary>
    public const string SubscriptionCollectionRoute = "/subscriptions/{subscriptionId}/providers/Microsoft.AzureStack/registrations";

    /// <summary>Maps the two lists, PUT, GET and DELETE of registrations.</summary>
    public static RouteGroupBuilder MapRegistrations(this IEndpointRouteBuilder app)
    {
        app.MapGet(SubscriptionCollectionRoute, ListBySubscription);
        var group = app.MapGroup(CollectionRoute);
        group.MapGet("", List);
        group.MapPut("/{registrationName}", PutAsync);
        group.MapGet("/{registrationName}", Get);
        group.MapDelete("/{registrationName}", Delete);
        return group;
    }

    private static Ok<ResourceList<RegistrationResource>> ListBySubscription(
        string subscriptionId, HttpRequest request, EmulatorStore store, ArmEmulatorOptions options) =>
        Page(store.ListRegistrations(subscriptionId, resourceGroup: null, ListPaging.SkipToken(request), ListPaging.PageSize(options)), request);

    private static Ok<ResourceList<RegistrationResource>> List(
        string subscriptionId, string resourceGroup, HttpRequest request, EmulatorStore store, ArmEmulatorOptions options) =>
        Page(store.ListRegistrations(subscriptionId, resourceGroup, ListPaging.SkipToken(request), ListPaging.PageSize(options)), request);

    // Resource groups are implicit, so a scope with no registrations is an empty list, never a 404 (arm-api.md §3.5).
    private static Ok<ResourceList<RegistrationResource>> Page(ListPage<EmulatorRegistration> page, HttpRequest request) =>
        TypedResults.Ok(new ResourceList<RegistrationResource>(
            [.. page.Items.Select(RegistrationResource.From)], ListPaging.NextLink(request, page.NextKey)));

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
