using Microsoft.AspNetCore.Http.HttpResults;

namespace Provisioning.ArmEmulator;

/// <summary>The routes of <c>Microsoft.AzureStack/registrations/customerSubscriptions</c>, the tenant mappings.</summary>
internal static class CustomerSubscriptionEndpoints
{
    /// <summary>The route of the customer subscriptions of one registration.</summary>
    public const string CollectionRoute = RegistrationEndpoints.CollectionRoute + "/{registrationName}/customerSubscriptions";

    /// <summary>Maps list, PUT, GET and DELETE of customer subscriptions.</summary>
    public static RouteGroupBuilder MapCustomerSubscriptions(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(CollectionRoute);
        group.MapGet("", List);
        group.MapPut("/{customerSubscriptionName}", PutAsync);
        group.MapGet("/{customerSubscriptionName}", Get);
        group.MapDelete("/{customerSubscriptionName}", Delete);
        return group;
    }

    private static Results<CustomerSubscriptionPageResult, JsonHttpResult<ArmErrorResponse>> List(
        string subscriptionId, string resourceGroup, string registrationName,
        HttpRequest request, EmulatorStore store, ArmEmulatorOptions options)
    {
        var page = store.ListMappings(
            subscriptionId, resourceGroup, registrationName, ListPaging.SkipToken(request), ListPaging.PageSize(options));
        if (page is null)
        {
            return ArmErrors.ParentResourceNotFound(registrationName);
        }

        return new CustomerSubscriptionPageResult(
            page.Items, ListPaging.NextLink(request, page.NextKey), ApiVersions.ShowsSystemData(request));
    }

    private static async Task<Results<Ok<CustomerSubscriptionResource>, Created, JsonHttpResult<ArmErrorResponse>>> PutAsync(
        string subscriptionId, string resourceGroup, string registrationName, string customerSubscriptionName,
        HttpContext context, EmulatorStore store, ArmEmulatorOptions options, CancellationToken cancellationToken)
    {
        var request = context.Request;
        // ARM's front door checks the parent of a nested resource before the provider sees the request.
        if (store.FindRegistration(subscriptionId, resourceGroup, registrationName) is not { } registration)
        {
            return ArmErrors.ParentResourceNotFound(registrationName);
        }

        // Exactly the 36-character form: Guid.TryParse would also take braces, 32 bare digits or surrounding whitespace.
        if (!ArmNames.IsGuid(customerSubscriptionName))
        {
            return ArmErrors.InvalidCustomerSubscriptionId(customerSubscriptionName);
        }

        var (document, error) = await RequestBody.ReadObjectAsync(request, cancellationToken);
        if (document is null)
        {
            return error!;
        }

        string tenantId;
        string? etag;
        using (document)
        {
            var properties = RequestBody.ObjectProperty(document.RootElement, "properties");
            if (properties is null)
            {
                return ArmErrors.InvalidRequestContent("'properties' is required.");
            }

            var tenant = RequestBody.StringProperty(properties.Value, "tenantId");
            if (!ArmNames.IsGuid(tenant))
            {
                return ArmErrors.InvalidTenantId(tenant);
            }

            tenantId = tenant!;
            etag = RequestBody.StringProperty(document.RootElement, "etag");
        }

        // A disconnected (Capacity) registration bills no tenants; only pay-as-you-use ones may add them.
        if (string.Equals(registration.BillingModel, "Capacity", StringComparison.OrdinalIgnoreCase))
        {
            return ArmErrors.CustomerSubscriptionsNotAllowed(registrationName);
        }

        var caller = ArmCaller.Of(context);
        var author = new MappingAuthor(caller.DisplayName, caller.PrincipalType, options.TimeProvider.GetUtcNow());
        var put = store.PutMapping(subscriptionId, resourceGroup, registrationName, customerSubscriptionName, tenantId, etag, author);
        if (put is null)
        {
            return ArmErrors.ParentResourceNotFound(registrationName);
        }

        return options.PutReturnsCreated
            ? TypedResults.Created()
            : TypedResults.Ok(CustomerSubscriptionResource.From(put.Mapping, ApiVersions.ShowsSystemData(request)));
    }

    private static Results<Ok<CustomerSubscriptionResource>, JsonHttpResult<ArmErrorResponse>> Get(
        string subscriptionId, string resourceGroup, string registrationName, string customerSubscriptionName,
        HttpRequest request, EmulatorStore store)
    {
        var lookup = store.FindMapping(subscriptionId, resourceGroup, registrationName, customerSubscriptionName);
        if (!lookup.ParentFound)
        {
            return ArmErrors.ParentResourceNotFound(registrationName);
        }

        return lookup.Value is { } mapping
            ? TypedResults.Ok(CustomerSubscriptionResource.From(mapping, ApiVersions.ShowsSystemData(request)))
            : ArmErrors.ResourceNotFound(
                $"{RegistrationResource.ResourceType}/{registrationName}/customerSubscriptions/{customerSubscriptionName}", resourceGroup);
    }

    private static Results<Ok, NoContent, JsonHttpResult<ArmErrorResponse>> Delete(
        string subscriptionId, string resourceGroup, string registrationName, string customerSubscriptionName, EmulatorStore store)
    {
        var lookup = store.DeleteMapping(subscriptionId, resourceGroup, registrationName, customerSubscriptionName);
        if (!lookup.ParentFound)
        {
            return ArmErrors.ParentResourceNotFound(registrationName);
        }

        return lookup.Value ? TypedResults.Ok() : TypedResults.NoContent();
    }
}
