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
    private readonly HashSet<ArmResourceId> _registrations;

    /// <summary>The scope of a stack that declares <paramref name="registrations"/> (their ARM ids).</summary>
    public StackScope(IEnumerable<ArmResourceId> registrations) => _registrations = [.. registrations];

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
        var found = new List<Diagnostic>();
        foreach (var (id, type) in resources)
        {
            if (Problem(id, type) is { } problem)
            {
                found.Add(DiagnosticCatalog.OutsideBlastRadius(where, what, id.ToString(), problem.Length == 0 ? null : problem));
            }
        }

        return found;
    }

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
    private string? Problem(ArmResourceId id, string? type)
    {
        var isMapping = string.Equals(id.ResourceType, TenantRegistration.ArmType, StringComparison.OrdinalIgnoreCase)
            && (type is null || string.Equals(type, TenantRegistration.ArmType, StringComparison.OrdinalIgnoreCase));
        if (!isMapping || id.Parent is not { } registration)
        {
            return string.Empty;
        }

        return _registrations.Contains(registration) ? null : registration.ToString();
    }
}
