namespace Provisioning.ArmEmulator.Tests;

/// <summary>The address of one registration used by a test; names are unique so tests sharing an emulator do not meet.</summary>
public sealed record TestRegistration(string SubscriptionId, string ResourceGroup, string Name)
{
    public static TestRegistration NewUnique() =>
        new(Guid.NewGuid().ToString(), "azurestack", $"azurestack-{Guid.NewGuid():N}");

    public string Path =>
        $"/subscriptions/{SubscriptionId}/resourceGroups/{ResourceGroup}/providers/Microsoft.AzureStack/registrations/{Name}";

    public string CustomerSubscriptionsPath => $"{Path}/customerSubscriptions";

    public string CustomerSubscriptionPath(string customerSubscriptionId) => $"{CustomerSubscriptionsPath}/{customerSubscriptionId}";
}
