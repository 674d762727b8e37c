using static Provisioning.EndToEnd.Tests.Safety.Mistakes.MistakeStacks;

namespace Provisioning.EndToEnd.Tests.Safety.Mistakes;

/// <summary>
/// "Silently overwrites": a mapping no stack of ours manages (tenant T → S1 on registration R) and a desired T → S2 on R.
/// ARM keeps one subscription per tenant and registration, so the PUT would replace it: refused unless --prune, and the
/// same when the mapping belongs to a sibling stack of the project. The refusal may need ARM's list (reads allowed).
/// </summary>
internal static partial class Catalogue
{
    private const string NewTenant = "5e5e5e5e-1111-4222-8333-444444444444";
    private const string TheirSubscription = "5e5e5e5e-aaaa-4bbb-8ccc-000000000001";
    private const string OurSubscription = "5e5e5e5e-aaaa-4bbb-8ccc-000000000002";

    private static IEnumerable<Mistake> Overwrite()
    {
        foreach (var (registration, subscription) in new[] { ("west", RegistrationSubscription), ("north", NorthSubscription) })
        {
            yield return new Mistake($"overwrite/unmanaged-mapping-of-a-new-tenant-on-{registration}/up", Up())
            {
                Reads = true,
                Prepare = [Up()],
                Arrange = p =>
                {
                    p.Emulator.Store.SeedMappings(subscription, "azurestack", $"azurestack-{registration}", [(TheirSubscription, NewTenant)]);
                    p.Append(p.StackFile(), NewTenantBlock($"[{registration}]"));
                },
            };
        }

        yield return new Mistake("overwrite/unmanaged-mapping-of-a-new-tenant/up-with-target", [.. Up(), "--target", "*newco*"])
        {
            Reads = true,
            Prepare = [Up()],
            Arrange = p =>
            {
                p.Emulator.Store.SeedMappings(RegistrationSubscription, "azurestack", "azurestack-west", [(TheirSubscription, NewTenant)]);
                p.Append(p.StackFile(), NewTenantBlock("[west]"));
            },
        };
        yield return new Mistake("overwrite/unmanaged-mapping-of-a-declared-tenant-on-a-fresh-stack/up", Up())
        {
            Reads = true,
            Arrange = p => p.Emulator.Store.SeedMappings(RegistrationSubscription, "azurestack", "azurestack-west", [(TheirSubscription, ContosoTenant)]),
        };
        yield return new Mistake("overwrite/a-sibling-stacks-mapping/up", Up())
        {
            Reads = true,
            Prepare = [Up(), Up("prod")],
            Arrange = p => p.Append(p.StackFile(), $"    woodgrove:\n      tenantId: {WoodgroveTenant}\n      subscriptionId: {OurSubscription}\n      registrations: [west]\n"),
        };
        yield return new Mistake("overwrite/a-sibling-stacks-mapping-through-a-per-registration-subscription/up", Up())
        {
            Reads = true,
            Prepare = [Up(), Up("prod")],
            Arrange = p => p.Append(p.StackFile(), $"    woodgrove:\n      tenantId: {WoodgroveTenant}\n      subscriptionId: {WoodgroveSubscription}\n      registrations:\n        - registration: east\n          subscriptionId: {OurSubscription}\n"),
        };
    }

    private static string NewTenantBlock(string registrations) =>
        $"    newco:\n      tenantId: {NewTenant}\n      subscriptionId: {OurSubscription}\n      registrations: {registrations}\n";
}
