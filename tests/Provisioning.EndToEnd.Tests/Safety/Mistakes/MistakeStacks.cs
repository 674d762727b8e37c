namespace Provisioning.EndToEnd.Tests.Safety.Mistakes;

/// <summary>
/// The two valid stacks every case starts from (cloud <c>local</c>, three shared registrations): <c>local</c> with
/// 8 mappings and its sibling <c>prod</c> with 3. Cases edit them by replacing exact text, so the values are constants.
/// </summary>
internal static class MistakeStacks
{
    public const string RegistrationSubscription = "6513270e-269e-4d37-b2a7-4de452e6b438";
    public const string NorthSubscription = "0f6e7a52-3c1b-4a57-9d0e-1e2f3a4b5c6d";
    public const string ContosoTenant = "6b0d549b-6f03-475a-9600-a35a099950d8";
    public const string ContosoSubscription = "8d116ece-1738-47d9-bd9c-172411e20b8f";
    public const string FabrikamTenant = "90c192cf-d3ac-44af-8f21-ddb66cad4a26";
    public const string FabrikamSubscription = "a170b338-3926-4059-b28c-105d1fb17c23";
    public const string FabrikamEastSubscription = "0fd630f1-f29d-4da9-953f-48f1a09f76b5";
    public const string NorthwindTenant = "0cb1e29c-658c-4a14-95e6-0af593bd04cf";
    public const string WoodgroveTenant = "7f150524-34b9-45df-9e77-69b10f4205b4";
    public const string WoodgroveSubscription = "c6f87718-6d76-407e-881e-d162ae2eb154";

    /// <summary>The ARM id of the <c>west</c> registration.</summary>
    public const string WestId = $"/subscriptions/{RegistrationSubscription}/resourceGroups/azurestack/providers/Microsoft.AzureStack/registrations/azurestack-west";

    /// <summary>The head both stacks share: the local cloud and the three stamps.</summary>
    private const string Header = $"""
        config:
          tenant-registrations:cloud: local
          tenant-registrations:registrations:
            west:
              subscriptionId: {RegistrationSubscription}
              resourceGroup: azurestack
              name: azurestack-west
            east:
              subscriptionId: {RegistrationSubscription}
              resourceGroup: azurestack
              name: azurestack-east
            north:
              subscriptionId: {NorthSubscription}
              resourceGroup: azurestack
              name: azurestack-north
        """;

    public const string Local = $"""
        # The mistakes corpus's stack: three stamps on the local cloud.
        {Header}
          tenant-registrations:tenants:
            contoso:
              tenantId: {ContosoTenant}
              subscriptionId: {ContosoSubscription}
              registrations: [west, east, north]
            fabrikam:
              tenantId: {FabrikamTenant}
              subscriptionId: {FabrikamSubscription}
              registrations:
                - west
                - registration: east
                  subscriptionId: {FabrikamEastSubscription}
            northwind:
              tenantId: {NorthwindTenant}
              subscriptionId: 8e81973e-0bec-47b0-b898-d190f9ebdacc
              registrations: [north]
            tailspin:
              tenantId: ae97ba94-d0ed-482f-8f6d-05584ef8aa38
              subscriptionId: 923a7369-94e3-4f91-9a61-dbe22e44158b
              registrations: [west, north]

        """;

    public const string Prod = $"""
        {Header}
          tenant-registrations:tenants:
            woodgrove:
              tenantId: {WoodgroveTenant}
              subscriptionId: {WoodgroveSubscription}
              registrations: [west, east]
            litware:
              tenantId: ec66a787-95e7-41d1-b731-af10506bf2ef
              subscriptionId: 3f98e277-4cbd-47ad-9c90-a9587403e430
              registrations: [north]

        """;

    /// <summary>The registrations both stacks declare: (subscription, resource group, name).</summary>
    public static IReadOnlyList<(string Subscription, string Group, string Name)> Registrations { get; } =
    [
        (RegistrationSubscription, "azurestack", "azurestack-west"),
        (RegistrationSubscription, "azurestack", "azurestack-east"),
        (NorthSubscription, "azurestack", "azurestack-north"),
    ];
}
