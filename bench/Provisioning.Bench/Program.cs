using Provisioning.Bench;

// dotnet run -c Release --project bench/Provisioning.Bench -- [--quick | --smoke] [--only P1,P5] [--p7-max N] [--cli provision.dll] [--out FILE]
// --p7-max N leaves out P7's sizes above N mappings (default 1,000,000: 10k, 100k and 1M).
// --cli measures another build of the CLI: a provision.dll (run as `dotnet provision.dll`) or an executable run as it is,
// e.g. the apphost of a ReadyToRun publish or a Native AOT binary (see bench/README.md).
// Prints the table of issue 7 (P1–P5), issue 12 (P6) and issue 14 (P7) and writes it as JSON (default bench/results/latest.json).
var quick = args.Contains("--quick");
var smoke = args.Contains("--smoke");
var onlyIndex = Array.IndexOf(args, "--only");
var only = onlyIndex >= 0 && onlyIndex + 1 < args.Length ? args[onlyIndex + 1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];
var outIndex = Array.IndexOf(args, "--out");
var root = RepositoryRoot();
var output = outIndex >= 0 && outIndex + 1 < args.Length ? args[outIndex + 1] : Path.Combine(root, "bench", "results", "latest.json");
var settings = smoke ? BenchSettings.Smoke : quick ? BenchSettings.Quick : BenchSettings.Full;
var p7MaxIndex = Array.IndexOf(args, "--p7-max");
if (p7MaxIndex >= 0)
{
    if (p7MaxIndex + 1 >= args.Length || !int.TryParse(args[p7MaxIndex + 1].Replace("_", string.Empty, StringComparison.Ordinal), System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture, out var p7Max) || p7Max <= 0)
    {
        Console.Error.WriteLine("--p7-max takes a positive number of mappings, e.g. --p7-max 100000");
        return 2;
    }

    settings = settings with { GrowthMax = p7Max };
}

var mode = smoke ? "smoke" : quick ? "quick" : "full";
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

var cliIndex = Array.IndexOf(args, "--cli");
var cli = cliIndex >= 0 && cliIndex + 1 < args.Length ? new CliProcess(Path.GetFullPath(args[cliIndex + 1])) : CliProcess.Locate(root);
Console.Error.WriteLine($"CLI: {cli.CliDll}");
var rows = await BenchHarness.RunAsync(settings, cli, line => Console.Error.WriteLine(line), only, cancel.Token);
Console.WriteLine(BenchReport.Table(rows));
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
await File.WriteAllTextAsync(output, BenchReport.Json(rows, mode, DateTimeOffset.UtcNow));
Console.Error.WriteLine($"Written to {output}");
return rows.Any(r => r.Met == false) ? 1 : 0;

static string RepositoryRoot()
{
    for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
    {
        if (File.Exists(Path.Combine(directory.FullName, "Provisioning.sln")))
        {
            return directory.FullName;
        }
    }

    throw new InvalidOperationException("Run the harness from inside the repository (Provisioning.sln not found above it).");
}
