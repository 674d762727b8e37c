using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Provisioning.Bench;

/// <summary>The table for people (Markdown, so it pastes into <c>bench/README.md</c>) and the JSON of <c>bench/results/latest.json</c>.</summary>
internal static class BenchReport
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static string Table(IReadOnlyList<BenchRow> rows)
    {
        var text = new StringBuilder();
        text.AppendLine("| # | Measure | Value | Goal | Met | Detail |");
        text.AppendLine("|---|---|---:|---|---|---|");
        foreach (var row in rows)
        {
            var met = row.Met switch { true => "yes", false => "**no**", null => "—" };
            text.AppendLine(CultureInfo.InvariantCulture, $"| {row.Id} | {row.Name} | {Format(row.Value)} {row.Unit} | {row.Goal} | {met} | {row.Detail} |");
        }

        return text.ToString();
    }

    public static string Json(IReadOnlyList<BenchRow> rows, string mode, DateTimeOffset when) =>
        JsonSerializer.Serialize(
            new
            {
                Version = 1,
                Mode = mode,
                Date = when,
                Machine = new
                {
                    ProcessorCount = Environment.ProcessorCount,
                    Runtime = RuntimeInformation.FrameworkDescription,
                    Os = RuntimeInformation.OSDescription,
                    Cpu = CpuModel(),
                },
                Rows = rows,
            },
            Indented);

    private static string Format(double value) =>
        value.ToString(Math.Abs(value) >= 100 ? "F0" : Math.Abs(value) >= 10 ? "F1" : "F2", CultureInfo.InvariantCulture);

    private static string CpuModel()
    {
        try
        {
            return File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown";
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}
