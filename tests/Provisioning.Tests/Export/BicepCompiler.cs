using System.Diagnostics;
using System.Reflection;
using System.Text.Json.Nodes;

namespace Provisioning.Tests.Export;

/// <summary>Runs the real bicep binary from the Azure.Bicep.CommandLine.linux-x64 package restored for this project.</summary>
internal static class BicepCompiler
{
    public static string Path { get; } = typeof(BicepCompiler).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "BicepPath").Value!;

    /// <summary>Runs <c>bicep build FILE --stdout</c>; returns the exit code, the compiled template and everything bicep wrote to stderr (its diagnostics).</summary>
    public static async Task<(int ExitCode, JsonNode? Template, string Diagnostics)> BuildAsync(string bicepFile)
    {
        Assert.True(File.Exists(Path), $"The bicep binary was not restored at {Path}.");
        // The package is linux-x64 only; NuGet extraction may drop the execute bit.
        if (!OperatingSystem.IsWindows() && !File.GetUnixFileMode(Path).HasFlag(UnixFileMode.UserExecute))
        {
            File.SetUnixFileMode(Path, File.GetUnixFileMode(Path) | UnixFileMode.UserExecute);
        }

        var start = new ProcessStartInfo(Path)
        {
            ArgumentList = { "build", bicepFile, "--stdout" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var output = await stdout;
        return (process.ExitCode, output.Length > 0 ? JsonNode.Parse(output) : null, (await stderr).Trim());
    }
}
