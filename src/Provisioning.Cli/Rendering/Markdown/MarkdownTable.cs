using System.Text;

namespace Provisioning.Cli.Rendering.Markdown;

/// <summary>
/// A table of the Markdown summary: folded in <c>&lt;details&gt;</c> when it has more than <see cref="FoldAbove"/> rows,
/// and cut, with a note, when the report's <see cref="RowBudget"/> runs out (a GitHub step summary holds at most 1 MiB).
/// </summary>
internal sealed class MarkdownTable(params string[] headers)
{
    /// <summary>A table with more rows than this is folded.</summary>
    public const int FoldAbove = 20;

    private readonly List<string[]> _rows = [];

    /// <summary>The rows added.</summary>
    public int Count => _rows.Count;

    /// <summary>Adds a row of cells, each already Markdown (see <see cref="MarkdownText"/>).</summary>
    public void Add(params string[] cells) => _rows.Add(cells);

    /// <summary>Appends the table; folded under <paramref name="summary"/> when long; rows past the budget are counted, not shown.</summary>
    public void WriteTo(StringBuilder markdown, string summary, RowBudget budget)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        ArgumentNullException.ThrowIfNull(budget);
        if (_rows.Count == 0)
        {
            return;
        }

        var folded = _rows.Count > FoldAbove;
        if (folded)
        {
            markdown.Append("<details><summary>").Append(summary).Append("</summary>\n\n");
        }

        markdown.Append("| ").AppendJoin(" | ", headers).Append(" |\n");
        markdown.Append('|').AppendJoin('|', headers.Select(_ => "---")).Append("|\n");
        var shown = budget.Take(_rows.Count);
        foreach (var row in _rows.Take(shown))
        {
            markdown.Append("| ").AppendJoin(" | ", row).Append(" |\n");
        }

        if (shown < _rows.Count)
        {
            markdown.Append('\n').Append($"… and {_rows.Count - shown} more row(s) not shown: the summary is cut at {budget.Limit} rows. `--json` lists every step.\n");
        }

        markdown.Append(folded ? "\n</details>\n\n" : "\n");
    }
}
