using Provisioning.State;

namespace Provisioning.Planning;

/// <summary>
/// A mapping in Azure that a PUT of the plan removes without a DELETE of its own: the service keeps one customer
/// subscription per tenant per registration, so a PUT of tenant T to S2 replaces T's mapping to S1; and a PUT of S
/// to tenant T2 replaces S's mapping to tenant T1.
/// </summary>
/// <param name="By">The create or update whose PUT removes the mapping.</param>
/// <param name="Removed">The mapping as it exists now (for a re-mapped subscription, the same id as <paramref name="By"/>).</param>
/// <param name="Managed">True when this stack's state holds the removed mapping.</param>
/// <param name="Owner">The other stack of the project that declares or records the removed mapping, if any.</param>
public sealed record Overwrite(Step By, ResourceState Removed, bool Managed, string? Owner)
{
    /// <summary>True when the PUT re-maps the same customer subscription to another tenant (rather than replacing a sibling mapping).</summary>
    public bool SameResource => By.Id == Removed.Id;
}
