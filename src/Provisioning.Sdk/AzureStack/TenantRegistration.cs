using System.Runtime.CompilerServices;
using Provisioning.Programs;
using Domain = Provisioning.AzureStack;

namespace Provisioning.Sdk.AzureStack;

/// <summary>
/// One stamp's registration with its tenants: a component (type <c>provisioning:azurestack:TenantRegistration</c>) named
/// by the name given to it, with one <see cref="CustomerSubscription"/> child per tenant, named <c>{name}-{tenant}</c>: the
/// same URNs and ids a YAML stack declaring the registration under that name as its key gives.
/// </summary>
public sealed class TenantRegistration : ComponentResource
{
    /// <summary>The type token.</summary>
    public const string ResourceType = Domain.TenantRegistration.ComponentType;

    /// <summary>Declares the registration <paramref name="name"/> (the stamp's short key, e.g. <c>west</c>) with its tenants; the caller's file and line are recorded.</summary>
    public TenantRegistration(string name, TenantRegistrationArgs args, ComponentResourceOptions? options = null, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
        : base(ResourceType, name, InputsOf(args), options, callerFile, callerLine)
    {
        Args = args;
        var children = new List<CustomerSubscription>(args.Tenants.Count);
        foreach (var tenant in args.Tenants)
        {
            ArgumentNullException.ThrowIfNull(tenant, nameof(args));
            var declaredAt = tenant.CallerLine > 0 ? (tenant.CallerFile, tenant.CallerLine) : (callerFile, callerLine);
            children.Add(new CustomerSubscription(
                $"{name}-{tenant.Name}",
                new CustomerSubscriptionArgs { CustomerSubscriptionName = tenant.SubscriptionId, TenantId = tenant.TenantId },
                new CustomResourceOptions { Parent = this, Protect = tenant.Protect, RetainOnDelete = tenant.RetainOnDelete },
                declaredAt.Item1,
                declaredAt.Item2));
        }

        CustomerSubscriptions = children;
        RegisterOutputs();
    }

    /// <summary>The mappings, one per tenant, in the order of <see cref="TenantRegistrationArgs.Tenants"/>.</summary>
    public IReadOnlyList<CustomerSubscription> CustomerSubscriptions { get; }

    internal TenantRegistrationArgs Args { get; }

    private static KeyValuePair<string, string?>[] InputsOf(TenantRegistrationArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return
        [
            new(ProgramInputNames.SubscriptionId, args.SubscriptionId),
            new(ProgramInputNames.ResourceGroup, args.ResourceGroup),
            new(ProgramInputNames.RegistrationName, args.RegistrationName),
        ];
    }
}
