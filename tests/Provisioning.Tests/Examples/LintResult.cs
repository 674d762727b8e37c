using System.Text;

namespace Provisioning.Tests.Examples;

/// <summary>What one run of scripts/workflow-lint.sh printed.</summary>
/// <param name="ExitCode">0 no finding, 1 findings, 2 usage, 3 no npm, 4 the linter failed; -1 when it overran.</param>
/// <param name="Output">Standard output: one finding per line, <c>FILE:LINE:COLUMN: MESSAGE [KIND]</c>.</param>
/// <param name="Error">Standard error.</param>
public sealed record LintResult(int ExitCode, string Output, string Error)
{
    /// <summary>Gets the findings, one per non-empty line of standard output.</summary>
    public IReadOnlyList<string> Findings =>
        [.. Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    /// <inheritdoc />
    public override string ToString()
    {
        var text = new StringBuilder($"exit {ExitCode}");
        text.Append(Output.Length > 0 ? $"\nstdout:\n{Output}" : string.Empty);
        text.Append(Error.Length > 0 ? $"\nstderr:\n{Error}" : string.Empty);
        return text.ToString();
    }
}
