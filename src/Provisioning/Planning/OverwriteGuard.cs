using Provisioning.AzureStack;
using Provisioning.Diagnostics;

namespace Provisioning.Planning;

/// <summary>
/// The overwrite trap: a PUT that removes a mapping (see <see cref="Overwrites"/>) is allowed only when the plan lists that
/// removal — a DELETE step of the same mapping (the stack's own, or <c>--prune</c>'s), or <c>--prune</c> for a subscription
/// re-mapped from an unmanaged tenant. A mapping another stack manages is never overwritten.
/// </summary>
public static class OverwriteGuard
{
    /// <summary>One finding per overwrite the plan does not list.</summary>
    public static IReadOnlyList<Diagnostic> Check(Plan plan, GuardOptions options)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(options);
        var deleted = plan.Steps.Where(s => s.Kind == StepKind.Delete).Select(s => s.Id).ToHashSet();
        var findings = new List<Diagnostic>();
        foreach (var o in plan.Overwrites)
        {
            var put = o.By.Id.ToString();
            var tenant = o.By.Desired?.Properties.GetValueOrDefault(TenantRegistration.TenantIdProperty) ?? "?";
            var removed = Describe(o);
            if (o.Owner is { } owner)
            {
                findings.Add(DiagnosticCatalog.SiblingOverwrite(options.Where, options.Apply, put, tenant, removed, owner));
            }
            else if (deleted.Contains(o.Removed.Id) || (o.SameResource && !o.Managed && options.Prune))
            {
                // Listed: the plan deletes it (and counts it), or --prune accepts re-mapping an unmanaged subscription.
            }
            else if (!o.Managed)
            {
                findings.Add(DiagnosticCatalog.UnmanagedOverwrite(options.Where, options.Apply, put, tenant, removed));
            }
            else
            {
                findings.Add(DiagnosticCatalog.ManagedOverwrite(options.Where, options.Apply, put, tenant, removed));
            }
        }

        return findings;
    }

    /// <summary>The removed mapping as people read it: its id and the tenant it maps.</summary>
    public static string Describe(Overwrite overwrite)
    {
        ArgumentNullException.ThrowIfNull(overwrite);
        var tenant = overwrite.Removed.Properties.GetValueOrDefault(TenantRegistration.TenantIdProperty) ?? "?";
        return $"{overwrite.Removed.Id} (tenant {tenant})";
    }
}
