using Provisioning.Config;

namespace Provisioning.Planning;

/// <summary>
/// The "missing stamp" heuristic shown in preview: when the stack has two or more registrations and most
/// tenants (more than half, and at least two) are on every one of them, a tenant on only some of them was
/// probably forgotten on the others. It only warns: a tenant on a subset of stamps is legal.
/// </summary>
public static class CoverageWarnings
{
    /// <summary>One warning per tenant listed on some registrations but not all, when most tenants are on all.</summary>
    public static IReadOnlyList<string> Check(StackDefinition stack)
    {
        ArgumentNullException.ThrowIfNull(stack);
        var all = stack.Registrations.Select(r => r.Key).ToList();
        if (all.Count < 2 || stack.Tenants.Count == 0)
        {
            return [];
        }

        // Registration keys are unique (YAML keys): a tenant is on all of them when it lists that many distinct declared keys.
        var declared = all.ToHashSet(StringComparer.Ordinal);
        var listedKeys = stack.Tenants
            .Select(t => t.Mappings.Select(m => m.RegistrationKey).Where(declared.Contains).ToHashSet(StringComparer.Ordinal))
            .ToList();
        var onAll = listedKeys.Count(keys => keys.Count == all.Count);
        if (onAll < 2 || onAll * 2 <= stack.Tenants.Count)
        {
            return [];
        }

        var warnings = new List<string>();
        for (var t = 0; t < stack.Tenants.Count; t++)
        {
            var tenant = stack.Tenants[t];
            var listed = all.Where(listedKeys[t].Contains).ToList();
            if (listed.Count > 0 && listed.Count < all.Count)
            {
                var missing = all.Except(listed, StringComparer.Ordinal);
                warnings.Add($"tenant '{tenant.Key}' is on {string.Join(", ", listed)} but not on {string.Join(", ", missing)}, "
                    + $"while {onAll} of {stack.Tenants.Count} tenants are on every registration: its usage there is billed to the registration's own subscription. Add the missing registrations if it uses them.");
            }
        }

        return warnings;
    }
}
