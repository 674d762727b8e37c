using System.Security.Cryptography;
using System.Text;
using Provisioning.Model;

namespace Provisioning.Planning;

/// <summary>
/// A digest of what Azure held for the resources a plan touches, so that a saved plan can tell whether
/// the world moved between preview and up. Ids compare case-insensitively; property values too (as ARM does).
/// </summary>
public static class PlanFingerprint
{
    /// <summary>The SHA-256 (hex, lower case) of the actual properties of every id a change step of <paramref name="plan"/> touches.</summary>
    public static string Compute(Plan plan, IReadOnlyCollection<ObservedResource>? actual)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return Compute(plan.Steps.Where(s => s.Kind != StepKind.Same).Select(s => s.Id), actual);
    }

    /// <summary>The SHA-256 (hex, lower case) of the actual properties of the given ids (an absent id counts as absent).</summary>
    public static string Compute(IEnumerable<ArmResourceId> affected, IReadOnlyCollection<ObservedResource>? actual)
    {
        ArgumentNullException.ThrowIfNull(affected);
        var observed = new Dictionary<ArmResourceId, ObservedResource>();
        foreach (var a in actual ?? [])
        {
            observed[a.Id] = a;
        }

        var text = new StringBuilder();
        var ids = affected.Distinct()
            .Select(id => id.ToString().ToLowerInvariant())
            .Order(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            text.Append(id).Append('\t');
            if (observed.TryGetValue(ArmResourceId.Parse(id), out var found))
            {
                foreach (var (key, value) in found.Properties)
                {
                    text.Append(key).Append('=').Append(value.ToLowerInvariant()).Append(';');
                }
            }
            else
            {
                text.Append("<absent>");
            }

            text.Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
