using System.Collections.Immutable;
using Provisioning.AzureStack;
using Provisioning.Model;
using Provisioning.Planning;
using Provisioning.State;

namespace Provisioning.Cli.Tests.Rendering;

/// <summary>Steps of a plan made by hand, for renderers tested without a run.</summary>
internal static class PlanSteps
{
    public static ArmResourceId Registration(string name) =>
        ArmResourceId.Parse($"/subscriptions/6513270e-269e-4d37-b2a7-4de452e6b438/resourceGroups/azurestack/providers/Microsoft.AzureStack/registrations/{name}");

    public static ArmResourceId Mapping(string registration, int n) =>
        Registration(registration).Child(TenantRegistration.ChildTypeSegment, Guid(n, 0xc));

    public static string Tenant(int n) => Guid(n, 0xa);

    public static Step Create(string registration, int n) =>
        new(StepKind.Create, Urn(registration, n), Mapping(registration, n), Desired(registration, n, Tenant(n)), null, []);

    public static Step Delete(string registration, int n) =>
        new(StepKind.Delete, Urn(registration, n), Mapping(registration, n), null, Current(registration, n, Tenant(n)), []);

    public static Step Update(string registration, int n, string from, string to) =>
        new(StepKind.Update, Urn(registration, n), Mapping(registration, n), Desired(registration, n, to), Current(registration, n, from), [new PropertyDiff(TenantRegistration.TenantIdProperty, from, to)]);

    public static Urn Urn(string registration, int n) =>
        Model.Urn.Create("dev", "tenant-registrations", TenantRegistration.CustomerSubscriptionType, $"{registration}-tenant{n}");

    private static Resource Desired(string registration, int n, string tenant) =>
        new(Urn(registration, n), Mapping(registration, n), TenantRegistration.ArmType, TenantRegistration.ApiVersion, Resource.PropertiesOf((TenantRegistration.TenantIdProperty, tenant)), null, ResourceOptions.None);

    private static ResourceState Current(string registration, int n, string tenant) =>
        new(Urn(registration, n), Mapping(registration, n), TenantRegistration.ArmType, TenantRegistration.ApiVersion, Resource.PropertiesOf((TenantRegistration.TenantIdProperty, tenant)), null, ResourceOptions.None);

    private static string Guid(int n, int kind) => $"{n:x8}-0000-4000-8000-{kind:x12}";

    public static Plan Plan(params Step[] steps) => new([.. steps], ImmutableArray<string>.Empty);
}
