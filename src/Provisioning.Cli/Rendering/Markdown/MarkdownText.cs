using System.Text;

namespace Provisioning.Cli.Rendering.Markdown;

/// <summary>Text made safe for GitHub-flavoured Markdown, in a table cell or a line: no value can open a tag, a link or a new cell.</summary>
internal static class MarkdownText
{
    /// <summary>Plain text: Markdown's punctuation escaped, <c>&lt;</c> and <c>&gt;</c> as entities, line breaks as spaces.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            _ = c switch
            {
                '<' => escaped.Append("&lt;"),
                '>' => escaped.Append("&gt;"),
                '&' => escaped.Append("&amp;"),
                '\r' or '\n' => escaped.Append(' '),
                '\\' or '`' or '*' or '_' or '[' or ']' or '|' or '~' or '#' => escaped.Append('\\').Append(c),
                _ when char.IsControl(c) => escaped.Append(' '),
                _ => escaped.Append(c),
            };
        }

        return escaped.ToString();
    }

    /// <summary>A value shown exactly (an ARM id, a GUID) as a code span; one a code span cannot hold as it is, as escaped text.</summary>
    public static string Code(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        return text.Any(c => c is '`' or '|' || char.IsControl(c)) ? Escape(text) : $"`{text}`";
    }
}
