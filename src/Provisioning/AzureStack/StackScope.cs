using Provisioning.Diagnostics;
using Provisioning.Model;

namespace Provisioning.AzureStack;

/// <summary>
/// The blast radius of a stack: the only resources it may ever write or delete are
/// <c>Microsoft.AzureStack/registrations/customerSubscriptions</c> directly under a registration it declares.
/// Every id that enters a run from outside the stack file (state, journal, saved plan, import) is checked here.
/// </summary>
public sealed class StackScope
{
    private readonly HashSet<string> _registrations;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    /// <summary>The scope of a stack that declares <paramref name="registrations"/> (their ARM ids).</summary>
    public StackScope(IEnumerable<ArmResourceId> registrations)
    {
        ArgumentNullException.ThrowIfNull(registrations);
        _registrations = new HashSet<string>(registrations.Select(r => r.ToString()), StringComparer.OrdinalIgnoreCase);
        _lookup = _registrations.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>True when the stack may write or delete <paramref name="id"/> (of declared type <paramref name="type"/>, when known).</summary>
    public bool Contains(ArmResourceId id, string? type = null) =>
        Problem(id, type) is null;

    /// <summary>
    /// One diagnostic per resource outside the scope, naming <paramref name="where"/> (a file) and <paramref name="what"/>
    /// (e.g. "the state"); empty when every resource is inside.
    /// </summary>
    public IReadOnlyList<Diagnostic> Check(IEnumerable<(ArmResourceId Id, string? Type)> resources, SourceSpan where, string what)
    {
        ArgumentNullException.ThrowIfNull(resources);

        // One diagnostic per undeclared registration (with how many of its mappings), one per other id, at most MaxListed.
        var byRegistration = new Dictionary<string, (string First, int Count)>(StringComparer.OrdinalIgnoreCase);
        var others = new List<string>();
        foreach (var (id, type) in resources)
        {
            switch (Problem(id, type))
            {
                case null:
                    break;
                case { Length: 0 }:
                    others.Add(id.ToString());
                    break;
                case var registration:
                    byRegistration[registration] = byRegistration.TryGetValue(registration, out var seen) ? (seen.First, seen.Count + 1) : (id.ToString(), 1);
                    break;
            }
        }

        var found = new List<Diagnostic>();
        found.AddRange(others.Take(MaxListed).Select(id => DiagnosticCatalog.OutsideBlastRadius(where, what, id, null)));
        found.AddRange(byRegistration.Take(MaxListed).Select(r => DiagnosticCatalog.OutsideBlastRadius(where, what, r.Value.Count == 1 ? $"the mapping {r.Value.First}" : $"{r.Value.Count} mappings (the first {r.Value.First})", r.Key)));
        return found;
    }

    /// <summary>How many resources outside the scope are named, at most, per kind of problem.</summary>
    public const int MaxListed = 20;

    /// <summary>As <see cref="Check(IEnumerable{ValueTuple{ArmResourceId, string}}, SourceSpan, string)"/> for ids as text; one that does not parse is outside.</summary>
    public IReadOnlyList<Diagnostic> Check(IEnumerable<string> ids, SourceSpan where, string what)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var found = new List<Diagnostic>();
        foreach (var text in ids)
        {
            if (!ArmResourceId.TryParse(text, out var id, out _))
            {
                found.Add(DiagnosticCatalog.OutsideBlastRadius(where, what, text ?? string.Empty, null));
            }
            else
            {
                found.AddRange(Check([(id, (string?)null)], where, what));
            }
        }

        return found;
    }

    /// <summary>Null when inside; the undeclared registration's id for a mapping of it; empty for anything else.</summary>
    /// <remarks>Allocates nothing for an id inside the scope: a state of 100,000 mappings is checked on every run.</remarks>
    private string? Problem(ArmResourceId id, string? type)
    {
        if (type is not null && !string.Equals(type, TenantRegistration.ArmType, StringComparison.OrdinalIgnoreCase))
        {
            return string.Empty;
        }

        // {registration id}/customerSubscriptions/{name}: the parent must be a declared registration, the child segment ours.
        id.SplitLast(out var parent, out var childType, out var name);
        if (parent.IsEmpty || name.IsEmpty || !childType.Equals(TenantRegistration.ChildTypeSegment, StringComparison.OrdinalIgnoreCase))
        {
            return string.Empty;
        }

        if (_lookup.Contains(parent))
        {
            return null;
        }

        return string.Equals(id.ResourceType, TenantRegistration.ArmType, StringComparison.OrdinalIgnoreCase) && id.Parent is { } registration
            ? registration.ToString()
            : string.Empty;
    }
}
