using Provisioning.Model;
using Provisioning.Planning;

namespace Provisioning.Cli.Rendering;

/// <summary>
/// The steps and unmanaged mappings of a plan under one registration (the parent of each customerSubscription), in plan
/// order: how the text plan and the Markdown summary show a plan of hundreds of mappings.
/// </summary>
/// <param name="Registration">The registration's ARM id.</param>
/// <param name="Steps">The plan's steps under it, in execution order.</param>
/// <param name="Unmanaged">The mappings under it that no stack manages (<see cref="Plan.Unmanaged"/>).</param>
internal sealed record RegistrationGroup(ArmResourceId Registration, IReadOnlyList<Step> Steps, IReadOnlyList<Step> Unmanaged)
{
    /// <summary>The registration's name (the last segment of its id).</summary>
    public string Name => Registration.Name;

    /// <summary><c>resource group azurestack, subscription 6513270e-…</c>.</summary>
    public string Location => $"resource group {Registration.ResourceGroup ?? "?"}, subscription {Registration.SubscriptionId}";

    /// <summary>The registration a mapping belongs to (a resource with no parent stands for itself).</summary>
    public static ArmResourceId Of(ArmResourceId id) => id.Parent ?? id;

    /// <summary>The plan's steps and unmanaged mappings by registration, registrations in the order the plan first names them.</summary>
    public static IReadOnlyList<RegistrationGroup> Of(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var order = new List<ArmResourceId>();
        var steps = new Dictionary<ArmResourceId, List<Step>>();
        var unmanaged = new Dictionary<ArmResourceId, List<Step>>();
        Add(plan.Steps, steps);
        Add(plan.Unmanaged, unmanaged);
        return [.. order.Select(r => new RegistrationGroup(r, steps.GetValueOrDefault(r) ?? [], unmanaged.GetValueOrDefault(r) ?? []))];

        void Add(IEnumerable<Step> from, Dictionary<ArmResourceId, List<Step>> into)
        {
            foreach (var step in from)
            {
                var registration = Of(step.Id);
                if (!steps.ContainsKey(registration) && !unmanaged.ContainsKey(registration))
                {
                    order.Add(registration);
                }

                if (!into.TryGetValue(registration, out var list))
                {
                    into[registration] = list = [];
                }

                list.Add(step);
            }
        }
    }
}
