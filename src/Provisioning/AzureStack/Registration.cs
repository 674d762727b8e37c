using Provisioning.Diagnostics;
using Provisioning.Model;

namespace Provisioning.AzureStack;

/// <summary>
/// One Azure Stack stamp's registration resource, declared in the stack file under a short key
/// (e.g. <c>west</c>).
/// </summary>
public sealed record Registration(string Key, string SubscriptionId, string ResourceGroup, string Name, SourceSpan Span = default)
{
    /// <summary>The ARM resource type of a registration.</summary>
    public const string ResourceType = "Microsoft.AzureStack/registrations";

    /// <summary>The registration's ARM id.</summary>
    public ArmResourceId Id =>
        ArmResourceId.Parse($"/subscriptions/{SubscriptionId}/resourceGroups/{ResourceGroup}/providers/{ResourceType}/{Name}");
}
