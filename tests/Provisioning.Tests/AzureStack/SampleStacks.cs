using Provisioning.Diagnostics;
using Provisioning.AzureStack;
using Provisioning.Config;

namespace Provisioning.Tests.AzureStack;

/// <summary>Stack definitions built by hand, as the loader would build them, for the engine's tests.</summary>
internal static class SampleStacks
{
    public const string Project = "tenant-registrations";

    public const string WestSubscription = "a1a1a1a1-0000-4000-8000-000000000001";
    public const string EastSubscription = "b2b2b2b2-0000-4000-8000-000000000002";
    public const string NorthSubscription = "c3c3c3c3-0000-4000-8000-000000000003";

    public const string ContosoTenant = "11111111-aaaa-4aaa-8aaa-111111111111";
    public const string FabrikamTenant = "22222222-bbbb-4bbb-8bbb-222222222222";
    public const string TailspinTenant = "33333333-cccc-4ccc-8ccc-333333333333";

    /// <summary>Contoso's subscription, written upper-case as an operator might paste it.</summary>
    public const string ContosoSubscription = "D0D0D0D0-AAAA-4AAA-8AAA-0000000000C1";
    public const string FabrikamSubscription = "e0e0e0e0-bbbb-4bbb-8bbb-0000000000f2";
    public const string FabrikamNorthSubscription = "f0f0f0f0-bbbb-4bbb-8bbb-0000000000f3";
    public const string TailspinSubscription = "0a0a0a0a-cccc-4ccc-8ccc-0000000000a4";

    public static Registration West { get; } = new("west", WestSubscription, "azurestack", "azurestack-WEST01", Span(3));

    public static Registration East { get; } = new("east", EastSubscription, "AzureStack-East", "azurestack-EAST01", Span(4));

    public static Registration North { get; } = new("north", NorthSubscription, "azurestack", "azurestack-NORTH01", Span(5));

    /// <summary>One stamp (west) with three tenants.</summary>
    public static StackDefinition SingleStamp(string stack = "local") => new(
        Project,
        stack,
        CloudSpec.Local,
        [West],
        [
            Tenant("contoso", ContosoTenant, ("west", ContosoSubscription)),
            Tenant("fabrikam", FabrikamTenant, ("west", FabrikamSubscription)),
            Tenant("tailspin", TailspinTenant, ("west", TailspinSubscription)),
        ]);

    /// <summary>
    /// Three stamps: contoso on west and east, fabrikam on east and (billed to another subscription) north,
    /// tailspin on north only.
    /// </summary>
    public static StackDefinition MultiStamp(string stack = "prod") => new(
        Project,
        stack,
        CloudSpec.AzureCloud,
        [West, East, North],
        [
            Tenant("contoso", ContosoTenant, ("west", ContosoSubscription), ("east", ContosoSubscription)),
            Tenant("fabrikam", FabrikamTenant, ("east", FabrikamSubscription), ("north", FabrikamNorthSubscription)),
            Tenant("tailspin", TailspinTenant, ("north", TailspinSubscription)),
        ]);

    public static Tenant Tenant(string key, string tenantId, params (string Registration, string Subscription)[] mappings) =>
        new(key, tenantId, [.. mappings.Select(m => new TenantMapping(m.Registration, m.Subscription, Span(10)))], false, false, Span(9));

    public static SourceSpan Span(int line) => new("Pulumi.test.yaml", line, 5);
}
