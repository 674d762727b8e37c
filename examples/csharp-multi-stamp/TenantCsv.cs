namespace TenantRegistrations;

/// <summary>Reads the tenants CSV the CSP keeps: <c>name,tenantId,subscriptionId,stamps,protect</c>, stamps separated by spaces.</summary>
internal static class TenantCsv
{
    private const string Header = "name,tenantId,subscriptionId,stamps,protect";

    /// <summary>The rows of <paramref name="path"/> (relative to the program's folder); a malformed line throws, naming it.</summary>
    public static IReadOnlyList<TenantRow> Read(string path)
    {
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0 || lines[0].Trim() != Header)
        {
            throw new InvalidDataException($"{path}: the first line must be '{Header}'.");
        }

        var rows = new List<TenantRow>();
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length == 0)
            {
                continue;
            }

            var cells = lines[i].Split(',');
            if (cells.Length != 5)
            {
                throw new InvalidDataException($"{path}({i + 1}): expected 5 cells ({Header}), found {cells.Length}.");
            }

            var stamps = cells[3].Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
            var protect = cells[4].Trim().Length > 0 && bool.Parse(cells[4].Trim());
            rows.Add(new TenantRow(cells[0], cells[1], cells[2], stamps, protect));
        }

        return rows;
    }
}
