namespace Provisioning.ArmEmulator;

/// <summary>The JSON of a customer subscription (an ARM proxy resource: no location, no tags).</summary>
/// <param name="Id">The resource id.</param>
/// <param name="Name">The name in the parent/child form <c>{registration}/{customerSubscription}</c>.</param>
/// <param name="Type">Always <c>Microsoft.AzureStack/registrations/customerSubscriptions</c>.</param>
/// <param name="Etag">The etag the caller sent, left out when none.</param>
/// <param name="Properties">The properties: the tenant id.</param>
/// <param name="SystemData">Who created and changed it; only in 2020-06-01-preview, and only when known.</param>
internal sealed record CustomerSubscriptionResource(
    string Id, string Name, string Type, string? Etag, CustomerSubscriptionProperties Properties, SystemDataResource? SystemData = null)
{
    /// <summary>The ARM type of a customer subscription.</summary>
    public const string ResourceType = "Microsoft.AzureStack/registrations/customerSubscriptions";

    /// <summary>Builds the JSON of a stored mapping, with <c>systemData</c> when asked for and known.</summary>
    public static CustomerSubscriptionResource From(EmulatorMapping m, bool withSystemData = false) =>
        new(m.Id, NameOf(m), ResourceType, m.Etag, new CustomerSubscriptionProperties(m.TenantId),
            withSystemData ? SystemDataResource.From(m.SystemData) : null);

    /// <summary>Returns the parent/child name of a mapping.</summary>
    public static string NameOf(EmulatorMapping m) => $"{m.Registration.Name}/{m.CustomerSubscriptionId}";
}

/// <summary>The properties of a customer subscription.</summary>
/// <param name="TenantId">The tenant whose usage is billed to the customer subscription.</param>
internal sealed record CustomerSubscriptionProperties(string TenantId);
