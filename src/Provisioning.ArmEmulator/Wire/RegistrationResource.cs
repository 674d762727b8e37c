namespace Provisioning.ArmEmulator;

/// <summary>The JSON of a registration (an ARM tracked resource).</summary>
/// <param name="Id">The resource id.</param>
/// <param name="Name">The registration name.</param>
/// <param name="Type">Always <c>Microsoft.AzureStack/registrations</c>.</param>
/// <param name="Location">Always <c>global</c>.</param>
/// <param name="Properties">The registration properties.</param>
internal sealed record RegistrationResource(string Id, string Name, string Type, string Location, RegistrationProperties Properties)
{
    /// <summary>The ARM type of a registration.</summary>
    public const string ResourceType = "Microsoft.AzureStack/registrations";

    /// <summary>Builds the JSON of a stored registration.</summary>
    public static RegistrationResource From(EmulatorRegistration r) =>
        new(r.Id, r.Name, ResourceType, "global", new RegistrationProperties(r.ObjectId, r.CloudId, r.BillingModel));
}

/// <summary>The properties of a registration.</summary>
/// <param name="ObjectId">The object id.</param>
/// <param name="CloudId">The cloud id.</param>
/// <param name="BillingModel">The billing model.</param>
internal sealed record RegistrationProperties(string ObjectId, string CloudId, string BillingModel);
