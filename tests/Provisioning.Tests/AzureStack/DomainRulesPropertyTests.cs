using Provisioning.AzureStack;

namespace Provisioning.Tests.AzureStack;

/// <summary>
/// The domain checks skip their per-mapping indexes when nothing can clash; random small stacks, built to clash often
/// (few keys, dashes, case, shared ids), check that whatever a brute-force comparison of every pair finds is reported.
/// </summary>
public sealed class DomainRulesPropertyTests
{
    private static readonly string[] RegistrationKeys = ["a", "A", "a-b", "b", "b-c", "c"];
    private static readonly string[] TenantKeys = ["b", "B", "c", "b-c", "d", "e", "f"];
    private static readonly string[] Guids = ["11111111-0000-4000-8000-000000000001", "11111111-0000-4000-8000-00000000000A", "11111111-0000-4000-8000-00000000000a", "11111111-0000-4000-8000-000000000002"];

    [Fact]
    public void Every_clash_a_brute_force_comparison_finds_is_reported_and_none_other()
    {
        var random = new Random(20261130);
        for (var round = 0; round < 3000; round++)
        {
            var registrations = RegistrationKeys.OrderBy(_ => random.Next()).Take(random.Next(1, 4)).DistinctBy(k => k, StringComparer.Ordinal)
                .Select((k, i) => new Registration(k, $"0000000{i}-0000-4000-8000-000000000000", "rg", $"reg-{i}")).ToList();
            var tenants = TenantKeys.OrderBy(_ => random.Next()).Take(random.Next(1, 5)).Select(key =>
            {
                var subscription = Guids[random.Next(Guids.Length)];
                var mappings = Enumerable.Range(0, random.Next(1, 4))
                    .Select(_ => new TenantMapping(registrations[random.Next(registrations.Count)].Key, random.Next(4) == 0 ? Guids[random.Next(Guids.Length)] : subscription))
                    .ToList();
                return new Tenant(key, Guids[random.Next(Guids.Length)], mappings, false, false);
            }).ToList();

            var codes = DomainRules.Check(registrations, tenants).Select(d => d.Code).ToHashSet();
            // A registration listed again by the same tenant is PRV026 alone: only its first listing takes part.
            var pairs = (from t in tenants from m in t.Mappings.DistinctBy(m => m.RegistrationKey, StringComparer.Ordinal) select (Tenant: t, Mapping: m)).ToList();
            var others = (from x in pairs from y in pairs where !ReferenceEquals(x.Tenant, y.Tenant) select (x, y)).ToList();
            var same = (string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

            var names = others.Any(p => same($"{p.x.Mapping.RegistrationKey}-{p.x.Tenant.Key}", $"{p.y.Mapping.RegistrationKey}-{p.y.Tenant.Key}"))
                || (from x in pairs from y in pairs where !ReferenceEquals(x.Mapping, y.Mapping) && x.Mapping.RegistrationKey != y.Mapping.RegistrationKey
                    && same($"{x.Mapping.RegistrationKey}-{x.Tenant.Key}", $"{y.Mapping.RegistrationKey}-{y.Tenant.Key}") select x).Any();
            var holders = others.Any(p => p.x.Mapping.RegistrationKey == p.y.Mapping.RegistrationKey
                && (same(p.x.Tenant.TenantId, p.y.Tenant.TenantId) || same(p.x.Mapping.CustomerSubscriptionId, p.y.Mapping.CustomerSubscriptionId)));
            var listedTwice = tenants.Any(t => t.Mappings.GroupBy(m => m.RegistrationKey, StringComparer.Ordinal).Any(g => g.Count() > 1));

            var context = $"round {round}: registrations [{string.Join(", ", registrations.Select(r => r.Key))}], tenants [{string.Join("; ", tenants.Select(t => $"{t.Key} {t.TenantId[^2..]}: {string.Join(" ", t.Mappings.Select(m => $"{m.RegistrationKey}/{m.CustomerSubscriptionId[^2..]}"))}"))}]";
            Assert.True(names == codes.Contains("PRV040") || registrations.Count != registrations.DistinctBy(r => r.Key, StringComparer.OrdinalIgnoreCase).Count(), "PRV040 " + context);
            Assert.True(holders == codes.Overlaps(["PRV027", "PRV028", "PRV029"]), "PRV027-029 " + context);
            Assert.True(listedTwice == codes.Contains("PRV026"), "PRV026 " + context);
        }
    }
}
