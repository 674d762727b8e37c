using System.Text;

namespace Provisioning.Export;

/// <summary>
/// Makes identifiers from stack keys that are valid as a Bicep symbol, a Terraform resource name and
/// a Pulumi YAML resource name at once: ASCII letters, digits and <c>_</c>, not starting with a digit,
/// never a Bicep keyword or reserved namespace (<c>adventure-works</c> becomes <c>adventure_works</c>).
/// </summary>
public static class ExportNames
{
    // Bicep keywords and namespaces a symbol may not take; Terraform and Pulumi YAML accept them all.
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "true", "false", "null", "az", "sys", "resource", "module", "param", "var", "output", "targetScope",
        "existing", "import", "metadata", "type", "func", "if", "for", "in", "extension", "using", "with", "as", "assert",
    };

    /// <summary>The identifier form of one key or of several joined with <c>_</c>: invalid characters become <c>_</c>.</summary>
    public static string Identifier(params string[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var text = new StringBuilder();
        foreach (var part in parts)
        {
            if (text.Length > 0)
            {
                text.Append('_');
            }

            foreach (var c in part)
            {
                text.Append(char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_');
            }
        }

        if (text.Length == 0 || char.IsAsciiDigit(text[0]))
        {
            text.Insert(0, '_');
        }

        var identifier = text.ToString();
        return Reserved.Contains(identifier) ? identifier + "_" : identifier;
    }

    /// <summary>A file name stem from free text: letters, digits, <c>.</c>, <c>_</c> and <c>-</c> kept, anything else becomes <c>-</c>.</summary>
    public static string FileStem(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var stem = new string([.. text.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '-')]).Trim('.');
        return stem.Length == 0 ? "main" : stem;
    }
}
