using System.Globalization;
using Provisioning.Diagnostics;
namespace Provisioning.Config;

/// <summary>
/// Shape checks on <see cref="SourceNode"/>s that report to one list of diagnostics, and the one strict accessor
/// (<see cref="AsValue(SourceEntry, string, bool)"/>) through which every scalar of the files becomes a value.
/// </summary>
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

    /// <summary>
    /// The entry's value as a non-empty scalar, or null after reporting why not (or silently when empty and <paramref name="optional"/>).
    /// Free text only (a description): anything used as a value goes through <see cref="AsValue(SourceEntry, string, bool)"/>.
    /// </summary>
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
                Report(DiagnosticCatalog.WrongNodeType(entry.Value.Span, $"'{DiagnosticCatalog.Excerpt(entry.Key.Value)}' of {owner}", "a text value", entry.Value.Describe()));
                return null;
        }
    }

    /// <summary>
    /// The entry's value as a scalar that is used exactly as written, or null after reporting why not: see
    /// <see cref="IsStrict(SourceScalar, string)"/>. The one door from a YAML scalar to a value.
    /// </summary>
    public SourceScalar? AsValue(SourceEntry entry, string owner, bool optional = false)
    {
        var scalar = AsText(entry, owner, optional);
        return scalar is not null && IsStrict(scalar, entry.Key.Value) ? scalar : null;
    }

    /// <summary>
    /// True when <paramref name="scalar"/> can be used exactly as written; else reports why and returns false. Refused: a
    /// control character (line break, tab, NUL…), an invisible formatting character (zero-width space, byte order mark,
    /// bidi marks), any space other than U+0020 (no-break space…), a space at either end, and a URL with credentials.
    /// </summary>
    public bool IsStrict(SourceScalar scalar, string field)
    {
        var value = scalar.Value;
        var bad = FirstForeignCharacter(value);
        if (bad >= 0)
        {
            Report(DiagnosticCatalog.NotAStrictValue(scalar.Span, field, value, bad));
            return false;
        }

        if (DiagnosticCatalog.HasCredentials(value))
        {
            Report(DiagnosticCatalog.CredentialsInUrl(scalar.Span, field, value));
            return false;
        }

        return true;
    }

    /// <summary>
    /// The entry's value as a GUID in lower case, or null after reporting why not. Upper-case hex is accepted (a GUID's
    /// case carries no meaning and ARM compares it ignoring case) and lowered here, once, so that every GUID the tool
    /// sends, stores and compares is in one form. The nil GUID is refused.
    /// </summary>
    public string? AsGuid(SourceEntry entry, string owner)
    {
        var scalar = AsValue(entry, owner);
        if (scalar is null)
        {
            return null;
        }

        if (!Names.IsGuid(scalar.Value))
        {
            Report(DiagnosticCatalog.NotAGuid(scalar.Span, entry.Key.Value, scalar.Value));
            return null;
        }

        if (scalar.Value == Names.NilGuid)
        {
            Report(DiagnosticCatalog.NilGuid(scalar.Span, entry.Key.Value));
            return null;
        }

        return scalar.Value.ToLowerInvariant();
    }

    /// <summary>
    /// The entry's value as a boolean, or null after reporting why not. YAML 1.2's core schema: <c>true</c>, <c>True</c>,
    /// <c>TRUE</c> and the same for false (quoted or not, as Pulumi writes config values as text); YAML 1.1's
    /// <c>yes</c>/<c>no</c>/<c>on</c>/<c>off</c> are text, and refused.
    /// </summary>
    public bool? AsBool(SourceEntry entry, string owner)
    {
        var scalar = AsValue(entry, owner);
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

    /// <summary>The index of the first character a strict value must not hold, or -1.</summary>
    internal static int FirstForeignCharacter(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var foreign = char.IsControl(c)
                || char.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                || (char.IsWhiteSpace(c) && c != ' ')
                || (c == ' ' && (i == 0 || i == value.Length - 1));
            if (foreign)
            {
                return i;
            }
        }

        return -1;
    }

    private bool? ReportNotABool(string field, SourceScalar scalar)
    {
        Report(DiagnosticCatalog.NotABool(scalar.Span, field, scalar.Value));
        return null;
    }
}
