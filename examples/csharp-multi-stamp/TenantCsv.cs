namespace TenantRegistrations;

/// <summary>
/// Reads the tenants CSV the CSP keeps: <c>name,tenantId,subscriptionId,stamps,protect</c>, stamps separated by spaces,
/// and optionally a last column <c>retainOnDelete</c> (removing such a tenant forgets its mappings instead of deleting them).
/// </summary>
internal static class TenantCsv
{
    private const string Header = "name,tenantId,subscriptionId,stamps,protect";
    private const string HeaderWithRetain = Header + ",retainOnDelete";

    /// <summary>The rows of <paramref name="path"/> (relative to the program's folder); a malformed line throws, naming it.</summary>
    public static IReadOnlyList<TenantRow> Read(string path)
    {
        var lines = File.ReadAllLines(path);
        var columns = lines.Length == 0 ? 0 : lines[0].Trim() switch
        {
            Header => 5,
            HeaderWithRetain => 6,
            _ => 0,
        };
        if (columns == 0)
        {
            throw new InvalidDataException($"{path}: the first line must be '{Header}' or '{HeaderWithRetain}'.");
        }

        var rows = new List<TenantRow>();
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length == 0)
            {
                continue;
            }

            var cells = lines[i].Split(',');
            if (cells.Length != columns)
            {
                throw new InvalidDataException($"{path}({i + 1}): expected {columns} cells ({lines[0].Trim()}), found {cells.Length}.");
            }

            var stamps = cells[3].Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
            rows.Add(new TenantRow(cells[0], cells[1], cells[2], stamps, Flag(cells[4])) { RetainOnDelete = columns == 6 && Flag(cells[5]) });
        }

        return rows;
    }

    private static bool Flag(string cell) => cell.Trim().Length > 0 && bool.Parse(cell.Trim());
}
