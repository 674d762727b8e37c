using System.Runtime.CompilerServices;
using Provisioning.Model;
using Provisioning.Programs;
using Domain = Provisioning.AzureStack;

namespace Provisioning.Sdk.AzureStack;

/// <summary>
/// One mapping: <c>…/registrations/{RegistrationName}/customerSubscriptions/{CustomerSubscriptionName}</c> with its tenant id
/// (type <c>azure-native:azurestack:CustomerSubscription</c>). A <see cref="TenantRegistration"/> makes one per tenant;
/// declared on its own, it names its registration itself.
/// </summary>
public sealed class CustomerSubscription : CustomResource
{
    /// <summary>The type token.</summary>
    public const string ResourceType = Domain.TenantRegistration.CustomerSubscriptionType;

    /// <summary>Declares a mapping named <paramref name="name"/>; the caller's file and line are recorded.</summary>
    public CustomerSubscription(string name, CustomerSubscriptionArgs args, CustomResourceOptions? options = null, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
        : base(ResourceType, name, InputsOf(Complete(args, options?.Parent)), options, callerFile, callerLine)
    {
        Id = IdOf(Inputs);
    }

    /// <summary>The mapping's tenant id, as declared.</summary>
    public string? TenantId => Inputs.GetValueOrDefault(ProgramInputNames.TenantId);

    /// <summary>The mapping's customer subscription id, as declared.</summary>
    public string? CustomerSubscriptionName => Inputs.GetValueOrDefault(ProgramInputNames.CustomerSubscriptionName);

    private static CustomerSubscriptionArgs Complete(CustomerSubscriptionArgs args, Resource? parent)
    {
        ArgumentNullException.ThrowIfNull(args);
        var registration = (parent as TenantRegistration)?.Args;
        return new CustomerSubscriptionArgs
        {
            SubscriptionId = args.SubscriptionId ?? registration?.SubscriptionId,
            ResourceGroup = args.ResourceGroup ?? registration?.ResourceGroup ?? "azurestack",
            RegistrationName = args.RegistrationName ?? registration?.RegistrationName,
            CustomerSubscriptionName = args.CustomerSubscriptionName,
            TenantId = args.TenantId,
        };
    }

    private static KeyValuePair<string, string?>[] InputsOf(CustomerSubscriptionArgs args) =>
    [
        new(ProgramInputNames.SubscriptionId, args.SubscriptionId),
        new(ProgramInputNames.ResourceGroup, args.ResourceGroup),
        new(ProgramInputNames.RegistrationName, args.RegistrationName),
        new(ProgramInputNames.CustomerSubscriptionName, args.CustomerSubscriptionName),
        new(ProgramInputNames.TenantId, args.TenantId),
    ];

    /// <summary>The ARM id the engine gives the mapping (the customer subscription in lower case), or null when the inputs make none.</summary>
    private static string? IdOf(IReadOnlyDictionary<string, string> inputs)
    {
        if (!inputs.TryGetValue(ProgramInputNames.SubscriptionId, out var subscription)
            || !inputs.TryGetValue(ProgramInputNames.ResourceGroup, out var group)
            || !inputs.TryGetValue(ProgramInputNames.RegistrationName, out var registration)
            || !inputs.TryGetValue(ProgramInputNames.CustomerSubscriptionName, out var customer)
            || customer.Length == 0 || customer.Contains('/', StringComparison.Ordinal)
            || !ArmResourceId.TryParse($"/subscriptions/{subscription}/resourceGroups/{group}/providers/{Domain.Registration.ResourceType}/{registration}", out var registrationId, out _))
        {
            return null;
        }

        return registrationId.Child(Domain.TenantRegistration.ChildTypeSegment, customer.ToLowerInvariant()).ToString();
    }
}
