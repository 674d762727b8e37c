using Provisioning.Diagnostics;
using Provisioning.AzureStack;
using Provisioning.Config;

namespace Provisioning.Tests.Export;

/// <summary>Stacks built by hand for the export tests; <see cref="MultiStamp"/> mirrors examples/multi-stamp/Pulumi.local.yaml.</summary>
internal static class ExportStacks
{
    private const string File = "Pulumi.local.yaml";
    private const string RegistrationSubscription = "6513270e-269e-4d37-b2a7-4de452e6b438";

    public static StackDefinition MultiStamp { get; } = new(
        "tenant-registrations",
        "local",
        CloudSpec.Local,
        [
            Registration("west", "azurestack-d23f0824-128b-4f33-8c5c-7fd0a6a3a450"),
            Registration("east", "azurestack-9531985d-5d9d-49f8-9818-e811892f902b"),
            Registration("north", "azurestack-36f675cc-81e7-4ef5-a8e2-5d940ed90475"),
        ],
        [
            Tenant("contoso", "6b0d549b-6f03-475a-9600-a35a099950d8", "8d116ece-1738-47d9-bd9c-172411e20b8f", "west", "east", "north"),
            new Tenant("fabrikam", "90c192cf-d3ac-44af-8f21-ddb66cad4a26",
                [
                    new TenantMapping("west", "a170b338-3926-4059-b28c-105d1fb17c23", default),
                    new TenantMapping("east", "0fd630f1-f29d-4da9-953f-48f1a09f76b5", default),
                ],
                Protect: false, RetainOnDelete: false, default),
            Tenant("northwind", "0cb1e29c-658c-4a14-95e6-0af593bd04cf", "8e81973e-0bec-47b0-b898-d190f9ebdacc", "west"),
            Tenant("adventure-works", "6b4cb242-4a23-4596-a217-beaddbc496cb", "92276658-1e27-41c0-8a6a-63ec24ede6a4", "east"),
            Tenant("tailspin", "ae97ba94-d0ed-482f-8f6d-05584ef8aa38", "923a7369-94e3-4f91-9a61-dbe22e44158b", "north", "west"),
            Tenant("wingtip", "18f135d2-5f55-4203-b018-50c5a38fd547", "907a70c3-1012-4037-b64c-e4228c38fb29", "east", "north"),
            Tenant("woodgrove", "7f150524-34b9-45df-9e77-69b10f4205b4", "c6f87718-6d76-407e-881e-d162ae2eb154", "west"),
            Tenant("litware", "ec66a787-95e7-41d1-b731-af10506bf2ef", "3f98e277-4cbd-47ad-9c90-a9587403e430", "north"),
            Tenant("proseware", "c7a2ea20-b2f1-4c94-ae05-319acb5c7427", "4cdd2055-930d-4eaf-94f4-733f3e7d1bfb", "west", "east", "north"),
            Tenant("alpine-ski", "57ee05cd-e009-42c7-bebf-f20686734721", "9be4bcfc-49b6-4a08-b2e6-cc3ababced20", "east"),
            Tenant("coho-winery", "830e07bc-1e39-4f10-92bd-4acefaecbd38", "5790f82e-c1d3-4cff-aa3a-f4d46b0a18e8", "north"),
            Tenant("lucerne", "6bf46c69-7d2c-4f82-aeea-cbe226e87555", "13deef86-ab10-41d0-b646-e1f40a097c97", "west", "north"),
        ]);

    /// <summary>The number of mappings in <see cref="MultiStamp"/>.</summary>
    public static int MultiStampMappings => MultiStamp.Tenants.Sum(t => t.Mappings.Count);

    /// <summary>Two registrations in two subscriptions, three mappings, in <paramref name="cloud"/>: the per-cloud goldens.</summary>
    public static StackDefinition InCloud(CloudSpec cloud, string stack) => new(
        "tenant-registrations",
        stack,
        cloud,
        [
            Registration("west", "azurestack-d23f0824-128b-4f33-8c5c-7fd0a6a3a450"),
            Registration("east", "azurestack-9531985d-5d9d-49f8-9818-e811892f902b", subscriptionId: "3f2b7c1e-8d4a-4e6b-9c0d-1a2b3c4d5e6f"),
        ],
        [
            Tenant("contoso", "6b0d549b-6f03-475a-9600-a35a099950d8", "8d116ece-1738-47d9-bd9c-172411e20b8f", "west", "east"),
            Tenant("fabrikam", "90c192cf-d3ac-44af-8f21-ddb66cad4a26", "a170b338-3926-4059-b28c-105d1fb17c23", "east"),
        ]);

    /// <summary>An Azure Stack Hub-like custom cloud: its own ARM endpoint (with a port) and an AD FS audience.</summary>
    public static CloudSpec CustomCloud { get; } = new(
        "https://management.stamp.contoso.com:30024/",
        new Uri("https://management.stamp.contoso.com:30024/"),
        "https://management.adfs.stamp.contoso.com/5f8a1e0c-2d3b-4c5d-8e9f-0a1b2c3d4e5f/.default");

    /// <summary>One registration with <paramref name="count"/> tenants, each with its own subscription and directory.</summary>
    public static StackDefinition Large(int count) => new(
        "tenant-registrations",
        "large",
        CloudSpec.Local,
        [Registration("big", "azurestack-00000000-0000-0000-0000-00000000b16")],
        [.. Enumerable.Range(1, count).Select(i => Tenant($"tenant-{i:D4}", Guid(0x7e000000 + i), Guid(0x5b000000 + i), "big"))]);

    public static Registration Registration(string key, string name, string subscriptionId = RegistrationSubscription, string resourceGroup = "azurestack") =>
        new(key, subscriptionId, resourceGroup, name, new SourceSpan(File, 1, 1));

    public static Tenant Tenant(string key, string tenantId, string subscriptionId, params string[] registrations) =>
        new(key, tenantId, [.. registrations.Select(r => new TenantMapping(r, subscriptionId, new SourceSpan(File, 1, 1)))], Protect: false, RetainOnDelete: false, new SourceSpan(File, 1, 1));

    private static string Guid(int n) => $"{n:x8}-0000-4000-8000-000000000000";
}
