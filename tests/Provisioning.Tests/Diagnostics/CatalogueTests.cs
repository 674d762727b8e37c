using System.Text;
using System.Text.RegularExpressions;

namespace Provisioning.Tests.Diagnostics;

/// <summary>
/// The catalogue is one list: every code minted is in its file's table, no code is minted in two files, and
/// docs/diagnostics.md is the tables as they are (UPDATE_DOCS=1 rewrites it).
/// </summary>
public sealed partial class CatalogueTests
{
    private static readonly string Root = FindRoot();

    private static string CatalogueFolder => Path.Combine(Root, "src", "Provisioning", "Diagnostics");

    private static string DocPath => Path.Combine(Root, "docs", "diagnostics.md");

    [Fact]
    public void Every_code_minted_is_in_the_table_of_its_file()
    {
        foreach (var file in CatalogueFiles())
        {
            var text = File.ReadAllText(file);
            var table = TableCodes(text);
            var minted = MintedCode().Matches(text).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

            Assert.True(minted.IsSubsetOf(table), $"{Path.GetFileName(file)} mints {string.Join(", ", minted.Except(table))} without a table row");
        }
    }

    [Fact]
    public void No_code_is_minted_or_listed_in_two_files()
    {
        var owners = CatalogueFiles()
            .SelectMany(f => TableCodes(File.ReadAllText(f)).Select(code => (code, file: Path.GetFileName(f))))
            .GroupBy(x => x.code)
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(x => x.file))}")
            .ToList();

        Assert.Empty(owners);
    }

    [Fact]
    public void The_documented_catalogue_is_the_tables_of_the_code()
    {
        var expected = Document();
        if (Environment.GetEnvironmentVariable("UPDATE_DOCS") == "1")
        {
            File.WriteAllText(DocPath, expected);
        }

        Assert.Equal(expected.ReplaceLineEndings("\n"), File.ReadAllText(DocPath).ReplaceLineEndings("\n"));
    }

    private static string Document()
    {
        var doc = new StringBuilder("""
            # Diagnostics

            Every problem `provision` reports is one of these, printed as `where: error PRVnnn: message` (or `warning`), and
            in `--json` output. The exit code follows from the errors: any error whose origin is the environment exits 1, a
            held lock 4, otherwise input errors exit 2; warnings never change it. Codes are never reused or renumbered.
            This page is generated from the tables at the top of `src/Provisioning/Diagnostics/DiagnosticCatalog*.cs`
            (a test checks it; `UPDATE_DOCS=1 dotnet test tests/Provisioning.Tests` rewrites it).

            """);
        foreach (var file in CatalogueFiles())
        {
            var lines = File.ReadAllLines(file);
            // The comment above the table, as one paragraph.
            var title = string.Join(' ', lines.SkipWhile(l => !l.StartsWith("// ", StringComparison.Ordinal)).TakeWhile(l => l.StartsWith("// ", StringComparison.Ordinal) && !l.StartsWith("// |", StringComparison.Ordinal)).Select(l => l[3..].Trim()));
            doc.Append('\n').Append("## ").Append(Path.GetFileNameWithoutExtension(file)).Append("\n\n").Append(title).Append("\n\n");
            foreach (var row in lines.Where(l => l.StartsWith("// |", StringComparison.Ordinal)))
            {
                doc.Append(row[3..].TrimEnd()).Append('\n');
            }
        }

        return doc.ToString();
    }

    private static IEnumerable<string> CatalogueFiles() =>
        Directory.EnumerateFiles(CatalogueFolder, "DiagnosticCatalog*.cs").Order(StringComparer.Ordinal);

    private static HashSet<string> TableCodes(string text) =>
        TableRow().Matches(text).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Provisioning.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("the repository root was not found");
    }

    [GeneratedRegex(@"^// \| (PRV\d{3}) \|", RegexOptions.Multiline)]
    private static partial Regex TableRow();

    [GeneratedRegex(@"""(PRV\d{3})""")]
    private static partial Regex MintedCode();
}
