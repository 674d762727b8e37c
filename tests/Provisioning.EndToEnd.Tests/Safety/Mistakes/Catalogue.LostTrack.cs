using static Provisioning.EndToEnd.Tests.Safety.Mistakes.MistakeStacks;

namespace Provisioning.EndToEnd.Tests.Safety.Mistakes;

/// <summary>
/// "Loses track of what it made": a desired mapping already in ARM (a PUT whose answer was lost, or made by hand) is
/// recorded as managed when up runs, so that the state alone then knows it (and destroy would remove it). Checked
/// with a preview from the state alone: nothing left to do. And import never names two tenants alike.
/// </summary>
internal static partial class Catalogue
{
    private static IEnumerable<Mistake> LostTrack()
    {
        foreach (var (what, seeded) in new[] { ("every-desired-mapping", 8), ("some-desired-mappings", 3) })
        {
            yield return new Mistake($"lost-track/up-finds-{what}-already-in-arm-and-records-them", [.. Preview(), "--refresh=false", "--expect-no-changes"])
            {
                Exit = 0,
                Arrange = p =>
                {
                    // What up would have made, already there: put by a run whose answers were lost.
                    SeedDesired(p, seeded);
                    p.Run(Up());
                },
            };
        }

        yield return new Mistake("lost-track/state-removed-then-up-records-what-is-there", [.. Preview(), "--refresh=false", "--expect-no-changes"])
        {
            Exit = 0,
            Prepare = [Up()],
            Arrange = p =>
            {
                p.Delete(p.StatePath());
                p.Delete(p.JournalPath());
                p.Run(Up());
            },
        };
        yield return new Mistake("lost-track/import-names-two-tenants-sharing-their-first-eight-digits-apart", [.. Preview(), "--refresh=false"])
        {
            Exit = 0,
            Prepare = [Up()],
            Arrange = p =>
            {
                p.Emulator.Store.SeedMappings(RegistrationSubscription, "azurestack", "azurestack-east", [
                    ("55555555-0000-4000-8000-00000000000a", "55555555-aaaa-4aaa-8aaa-aaaaaaaaaaaa"),
                    ("55555555-0000-4000-8000-00000000000b", "55555555-bbbb-4bbb-8bbb-bbbbbbbbbbbb"),
                ]);
                p.Run("import", "--stack", "local", "--yes", "--out", p.At("adopted.yaml"));
                var keys = p.Read("adopted.yaml").Split('\n').Where(l => l.StartsWith("    ", StringComparison.Ordinal) && !l.StartsWith("     ", StringComparison.Ordinal) && l.TrimEnd().EndsWith(':')).ToList();
                Assert.True(keys.Count == keys.Distinct(StringComparer.Ordinal).Count(), "import named two tenants alike: " + string.Join(", ", keys));
                var urns = p.Resources().Select(r => r.Urn.Value).ToList();
                Assert.True(urns.Count == urns.Distinct(StringComparer.Ordinal).Count(), "two resources under one URN in the state");
            },
        };
    }

    /// <summary>Puts the first <paramref name="count"/> desired mappings of the local stack straight into the emulator.</summary>
    private static void SeedDesired(MistakeProject p, int count)
    {
        var desired = new (string Registration, string Registry, string Subscription, string Tenant)[]
        {
            ("azurestack-west", RegistrationSubscription, ContosoSubscription, ContosoTenant),
            ("azurestack-east", RegistrationSubscription, ContosoSubscription, ContosoTenant),
            ("azurestack-north", NorthSubscription, ContosoSubscription, ContosoTenant),
            ("azurestack-west", RegistrationSubscription, FabrikamSubscription, FabrikamTenant),
            ("azurestack-east", RegistrationSubscription, FabrikamEastSubscription, FabrikamTenant),
            ("azurestack-north", NorthSubscription, "8e81973e-0bec-47b0-b898-d190f9ebdacc", NorthwindTenant),
            ("azurestack-west", RegistrationSubscription, "923a7369-94e3-4f91-9a61-dbe22e44158b", "ae97ba94-d0ed-482f-8f6d-05584ef8aa38"),
            ("azurestack-north", NorthSubscription, "923a7369-94e3-4f91-9a61-dbe22e44158b", "ae97ba94-d0ed-482f-8f6d-05584ef8aa38"),
        };
        foreach (var (registration, registry, subscription, tenant) in desired.Take(count))
        {
            p.Emulator.Store.SeedMappings(registry, "azurestack", registration, [(subscription, tenant)]);
        }
    }
}
