namespace Provisioning.ArmEmulator;

/// <summary>The JSON of a customer subscription (an ARM proxy resource: no location, no tags).</summary>
/// <param name="Id">The resource id.</param>
/// <param name="Name">The name in the parent/child form <c>{registration}/{customerSubscription}</c>.</param>
/// <param name="Type">Always <c>Microsoft.AzureStack/registrations/customerSubscriptions</c>.</param>
/// <param name="Etag">The etag the caller sent, left out when none.</param>
/// <param name="Properties">The properties: the tenant id.</param>
internal sealed record CustomerSubscriptionResource(
    string Id, string Name, string Type, string? Etag, CustomerSubscriptionProperties Properties)
{
    /// <summary>The ARM type of a customer subscription.</summary>
    public const string ResourceType = "Microsoft.AzureStack/registrations/customerSubscriptions";

    /// <summary>Builds the JSON of a stored mapping.</summary>
    public static CustomerSubscriptionResource From(EmulatorMapping m) =>
        new(m.Id, $"{m.Registration.Name}/{m.CustomerSubscriptionId}", ResourceType, m.Etag,
            new CustomerSubscriptionProperties(m.TenantId));
}

/// <summary>The properties of a customer subscription.</summary>
/// <param name="TenantId">The tenant whose usage is billed to the customer subscription.</param>
internal sealed record CustomerSubscriptionProperties(string TenantId);
