using System.Collections.Immutable;

namespace Provisioning.Planning;

/// <summary>The steps that make the world match the desired state, in execution order, and why it may be refused.</summary>
public sealed record Plan(ImmutableArray<Step> Steps, ImmutableArray<string> Errors)
{
    /// <summary>
    /// Resources found in Azure under a managed parent that no stack manages and the state does not hold:
    /// deletes that <c>--prune</c> would add (empty once they were added to <see cref="Steps"/>).
    /// </summary>
    public ImmutableArray<Step> Unmanaged { get; init; } = [];

    /// <summary>The deletes refused because the resource is protected; each has its message in <see cref="Errors"/>.</summary>
    public ImmutableArray<Step> Refused { get; init; } = [];

    /// <summary>
    /// The mappings a PUT of the plan removes without a DELETE of its own (see <see cref="Planning.Overwrites"/>); those
    /// that a delete step also lists appear in both. Empty until <see cref="Planning.Overwrites.Find"/> ran.
    /// </summary>
    public ImmutableArray<Overwrite> Overwrites { get; init; } = [];

    /// <summary>
    /// How many mappings the plan removes from Azure: its DELETE steps plus the overwritten mappings that no DELETE step lists.
    /// What the summary reports as deleted and what the mass-delete guard counts.
    /// </summary>
    public int Removals
    {
        get
        {
            var deleted = Steps.Where(s => s.Kind == StepKind.Delete).Select(s => s.Id).ToHashSet();
            return deleted.Count + Overwrites.Select(o => o.Removed.Id).Where(id => !deleted.Contains(id)).Distinct().Count();
        }
    }

    /// <summary>True when a step would send a request or the state would change.</summary>
    public bool HasChanges => Steps.Any(s => s.Kind != StepKind.Same);

    /// <summary>Number of steps of the given kind.</summary>
    public int Count(StepKind kind) => Steps.Count(s => s.Kind == kind);
}
