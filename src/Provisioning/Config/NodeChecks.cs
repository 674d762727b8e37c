using Provisioning.Diagnostics;
namespace Provisioning.Config;

/// <summary>Shape checks on <see cref="SourceNode"/>s that report to one list of diagnostics.</summary>
internal sealed class NodeChecks(ICollection<Diagnostic> diagnostics)
{
    /// <summary>Adds a diagnostic.</summary>
    public void Report(Diagnostic diagnostic) => diagnostics.Add(diagnostic);

    /// <summary>The node as a mapping, or null after reporting what it is instead.</summary>
    public SourceMapping? AsMapping(SourceNode node, string what)
    {
        if (node is SourceMapping mapping)
        {
            return mapping;
        }

        Report(DiagnosticCatalog.WrongNodeType(node.Span, what, "a mapping", node.Describe()));
        return null;
    }

    /// <summary>The entry's value as a non-empty scalar, or null after reporting why not (or silently when empty and <paramref name="optional"/>).</summary>
    public SourceScalar? AsText(SourceEntry entry, string owner, bool optional = false)
    {
        switch (entry.Value)
        {
            case SourceScalar { IsNull: true }:
                if (!optional)
                {
                    Report(DiagnosticCatalog.EmptyField(entry.Key.Span, entry.Key.Value, owner));
                }

                return null;
            case SourceScalar scalar:
                return scalar;
            default:
                Report(DiagnosticCatalog.WrongNodeType(entry.Value.Span, $"'{entry.Key.Value}' of {owner}", "a text value", entry.Value.Describe()));
                return null;
        }
    }

    /// <summary>The entry's value as a GUID string exactly as written, or null after reporting why not.</summary>
    public string? AsGuid(SourceEntry entry, string owner)
    {
        var scalar = AsText(entry, owner);
        if (scalar is null)
        {
            return null;
        }

        if (!Names.IsGuid(scalar.Value))
        {
            Report(DiagnosticCatalog.NotAGuid(scalar.Span, entry.Key.Value, scalar.Value));
            return null;
        }

        return scalar.Value;
    }

    /// <summary>The entry's value as a boolean (<c>true</c>/<c>false</c>, quoted or not), or null after reporting why not.</summary>
    public bool? AsBool(SourceEntry entry, string owner)
    {
        var scalar = AsText(entry, owner);
        return scalar?.Value switch
        {
            null => null,
            "true" or "True" or "TRUE" => true,
            "false" or "False" or "FALSE" => false,
            _ => ReportNotABool(entry.Key.Value, scalar),
        };
    }

    /// <summary>Reports unknown fields of <paramref name="mapping"/> and required ones missing (at <paramref name="missingSpan"/>).</summary>
    public void CheckFields(SourceMapping mapping, string owner, IReadOnlyCollection<string> known, IEnumerable<string> required, SourceSpan missingSpan)
    {
        foreach (var entry in mapping.Entries.Where(e => !known.Contains(e.Key.Value)))
        {
            Report(DiagnosticCatalog.UnknownField(entry.Key.Span, entry.Key.Value, owner, Suggestions.Closest(entry.Key.Value, known)));
        }

        foreach (var field in required.Where(f => mapping.Find(f) is null))
        {
            Report(DiagnosticCatalog.MissingField(missingSpan, field, owner));
        }
    }

    private bool? ReportNotABool(string field, SourceScalar scalar)
    {
        Report(DiagnosticCatalog.NotABool(scalar.Span, field, scalar.Value));
        return null;
    }
}
