namespace Provisioning.Export;

/// <summary>
/// Decides how the Bicep and ARM exports are cut: one deployment per (subscription, resource group),
/// and modules when one template would pass ARM's limit of 800 resources.
/// </summary>
public static class DeploymentLayout
{
    /// <summary>
    /// ARM's limit on resources in one template. Bicep's <c>max-resources</c> rule counts every declared resource,
    /// <c>existing</c> ones included, so a module holds at most this minus one mappings (its registration is the other).
    /// </summary>
    public const int MaxResourcesPerTemplate = 800;

    /// <summary>
    /// The deployments, in order of the first registration of each pair. Registrations without mappings are left out
    /// (an unused <c>existing</c> would draw a linter warning). When a pair's mappings and registrations together pass
    /// <paramref name="maxResources"/>, each of its registrations becomes modules <c>{registration}-part1</c>, <c>-part2</c>…
    /// of at most <paramref name="maxResources"/> − 1 mappings plus the <c>existing</c> registration.
    /// File stems: <c>main</c> for a single pair, else the resource group's name, with the subscription's first
    /// eight characters when two pairs share a resource group name.
    /// </summary>
    public static IReadOnlyList<ResourceGroupDeployment> Plan(ExportModel model, int maxResources = MaxResourcesPerTemplate)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxResources, 2);
        var groups = model.Registrations
            .Where(r => r.Mappings.Count > 0)
            .GroupBy(r => (Subscription: r.Registration.SubscriptionId.ToLowerInvariant(), Group: r.Registration.ResourceGroup.ToLowerInvariant()))
            .ToList();
        var sharedGroupNames = groups.GroupBy(g => g.Key.Group).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
        var stems = new NameAllocator("-");
        var modules = new NameAllocator("-");
        var deployments = new List<ResourceGroupDeployment>(groups.Count);
        foreach (var group in groups)
        {
            var first = group.First().Registration;
            var stem = groups.Count == 1 ? "main"
                : sharedGroupNames.Contains(group.Key.Group) ? ExportNames.FileStem($"{first.ResourceGroup}-{first.SubscriptionId[..Math.Min(8, first.SubscriptionId.Length)]}")
                : ExportNames.FileStem(first.ResourceGroup);
            var registrations = group.ToList();
            var split = registrations.Sum(r => r.Mappings.Count + 1) > maxResources;
            var parts = split
                ? registrations.SelectMany(r => r.Mappings.Chunk(maxResources - 1)
                        .Select((chunk, i) => new DeploymentModule(modules.Allocate($"{r.Identifier}-part{i + 1}"), r, chunk)))
                    .ToList()
                : [];
            deployments.Add(new ResourceGroupDeployment(stems.Allocate(stem), first.SubscriptionId, first.ResourceGroup, registrations, parts));
        }

        return deployments;
    }
}
