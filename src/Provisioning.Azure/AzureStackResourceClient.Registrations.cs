using Provisioning.Model;
using System.Text.RegularExpressions;
using Provisioning.AzureStack;
using Provisioning.Execution;

namespace Provisioning.Azure;

/// <summary>Listing the registrations of a subscription or resource group (Registrations_ListBySubscription, Registrations_List).</summary>
public sealed partial class AzureStackResourceClient : IRegistrationLister
{
    /// <summary>The api-version registrations are listed with (the one every mapping is managed with).</summary>
    public const string RegistrationApiVersion = TenantRegistration.ApiVersion;

    /// <summary>
    /// GETs <c>/subscriptions/{id}[/resourceGroups/{rg}]/providers/Microsoft.AzureStack/registrations</c> page by page, as
    /// <see cref="ListAsync(Model.ArmResourceId, string, string, CancellationToken)"/> follows pages. Throws <see cref="ArgumentException"/>
    /// for a subscription id that is not a GUID or a resource group name ARM would refuse (nothing is sent); every error ARM
    /// answers, 404 included (no such subscription), is an <see cref="ArmRequestException"/>.
    /// </summary>
    public IAsyncEnumerable<ObservedResource> ListRegistrationsAsync(string subscriptionId, string? resourceGroup = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscriptionId);
        if (!GuidText().IsMatch(subscriptionId))
        {
            throw new ArgumentException($"The subscription id '{ArmJson.Quote(subscriptionId)}' is not a GUID.", nameof(subscriptionId));
        }

        if (resourceGroup is not null && ArmNameRules.CheckResourceGroup(resourceGroup) is { } problem)
        {
            throw new ArgumentException($"The resource group '{ArmJson.Quote(resourceGroup)}' is not valid: {problem}", nameof(resourceGroup));
        }

        var scope = resourceGroup is null ? $"/subscriptions/{subscriptionId}" : $"/subscriptions/{subscriptionId}/resourceGroups/{resourceGroup}";
        return ListPathAsync($"{scope}/providers/{Registration.ResourceType}", RegistrationApiVersion, null, childList: false, cancellationToken);
    }

    // \z, not $: '$' also matches before a final line break, which would reach the URL.
    [GeneratedRegex(@"^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\z")]
    private static partial Regex GuidText();
}
