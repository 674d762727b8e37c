using System.Globalization;
using System.Text;

namespace CrashTest;

/// <summary>
/// The stack the crash test asks for: a few registrations and many tenants, each on a subset of them. Mutations
/// add, remove and move tenants so every trial has real PUTs and DELETEs to be cut short.
/// </summary>
internal sealed class DesiredStack(int registrations, Random random)
{
    public const string SubscriptionId = "6513270e-269e-4d37-b2a7-4de452e6b438";
    public const string ResourceGroup = "azurestack";

    private readonly SortedDictionary<int, int> _tenants = []; // tenant number → bitmask of its registrations
    private int _next;

    /// <summary>The registration keys (<c>r0</c>…) and ARM names.</summary>
    public IReadOnlyList<(string Key, string Name)> Registrations { get; } =
        [.. Enumerable.Range(0, registrations).Select(i => ($"r{i}", $"azurestack-{Guid(0xC0, i)}"))];

    /// <summary>How many mappings the stack declares.</summary>
    public int MappingCount => _tenants.Values.Sum(mask => int.PopCount(mask));

    /// <summary>Fills the stack with <paramref name="mappings"/> mappings: tenants on every registration.</summary>
    public void Fill(int mappings)
    {
        var all = (1 << Registrations.Count) - 1;
        for (var left = mappings; left > 0; left -= Registrations.Count)
        {
            _tenants[_next++] = left >= Registrations.Count ? all : (1 << left) - 1;
        }
    }

    /// <summary>
    /// Removes, adds and moves (onto or off one registration) about <paramref name="changes"/> mappings' worth of
    /// tenants, then tops up or trims to <paramref name="target"/> mappings so the stack keeps its size.
    /// </summary>
    public void Mutate(int changes, int target)
    {
        var all = (1 << Registrations.Count) - 1;
        for (var i = 0; i < changes / 3; i++)
        {
            var keys = _tenants.Keys.ToList();
            var key = keys[random.Next(keys.Count)];
            var moved = _tenants[key] ^ (1 << random.Next(Registrations.Count));
            switch (random.Next(3))
            {
                case 0 when keys.Count > 1:
                    _tenants.Remove(key);
                    break;
                case 1 when moved != 0:
                    _tenants[key] = moved;
                    break;
                default:
                    _tenants[_next++] = all;
                    break;
            }
        }

        while (MappingCount < target)
        {
            _tenants[_next++] = all;
        }

        while (MappingCount > target + Registrations.Count)
        {
            _tenants.Remove(_tenants.Keys.ElementAt(random.Next(_tenants.Count)));
        }
    }

    /// <summary>Every declared mapping: (registration name, customer subscription id, tenant id).</summary>
    public HashSet<(string Registration, string Subscription, string Tenant)> Mappings()
    {
        var set = new HashSet<(string, string, string)>();
        foreach (var (tenant, mask) in _tenants)
        {
            for (var r = 0; r < Registrations.Count; r++)
            {
                if ((mask & (1 << r)) != 0)
                {
                    set.Add((Registrations[r].Name, Guid(0x5B, tenant), Guid(0x7E, tenant)));
                }
            }
        }

        return set;
    }

    /// <summary>The stack file for a custom cloud at <paramref name="endpoint"/>.</summary>
    public string ToYaml(Uri endpoint)
    {
        var yaml = new StringBuilder();
        yaml.Append(CultureInfo.InvariantCulture, $"config:\n  crash:cloud: {endpoint}\n  crash:tokenScope: {endpoint}.default\n  crash:registrations:\n");
        foreach (var (key, name) in Registrations)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"    {key}: {{ subscriptionId: {SubscriptionId}, resourceGroup: {ResourceGroup}, name: {name} }}\n");
        }

        // An empty section is written as {}: a tenants key with nothing under it is refused as a cut-off file.
        yaml.Append(_tenants.Count == 0 ? "  crash:tenants: {}\n" : "  crash:tenants:\n");
        foreach (var (tenant, mask) in _tenants)
        {
            var keys = Enumerable.Range(0, Registrations.Count).Where(r => (mask & (1 << r)) != 0).Select(r => Registrations[r].Key);
            yaml.Append(CultureInfo.InvariantCulture, $"    t{tenant}: {{ tenantId: {Guid(0x7E, tenant)}, subscriptionId: {Guid(0x5B, tenant)}, registrations: [{string.Join(", ", keys)}] }}\n");
        }

        return yaml.ToString();
    }

    /// <summary>A fixed GUID per kind and number, lower case as ARM prints it.</summary>
    private static string Guid(int kind, int number) =>
        string.Create(CultureInfo.InvariantCulture, $"{kind:x2}{number:x6}-0000-4000-8000-{number:x12}");
}
