using System.Diagnostics;
using System.IO.Compression;

namespace Provisioning.Cli.Tests;

/// <summary>
/// Issue 14's package, built for real: <c>dotnet pack</c> of a copy of the sources makes the pointer package, the Native
/// AOT linux-x64 package and the framework-dependent <c>any</c> fallback; installed into a tool path, <c>provision</c> is a
/// native executable whose <c>--version</c> and a preview of the repository's local stack work. Needs clang and the zlib
/// headers (scripts/native-prereqs.sh, which .ci/run calls): without them the test is skipped, never passed.
/// </summary>
public sealed class ToolPackageTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("provision-pack-").FullName;

    [SkippableFact]
    public async Task Dotnet_pack_makes_a_native_linux_x64_tool_and_a_fallback_and_the_installed_tool_runs()
    {
        Skip.IfNot(OperatingSystem.IsLinux() && System.Runtime.InteropServices.RuntimeInformation.OSArchitecture == System.Runtime.InteropServices.Architecture.X64, "the native package is built for linux-x64");
        Skip.IfNot(OnPath("clang"), "clang is not installed (scripts/native-prereqs.sh installs it)");

        // A copy of the sources, so that this pack never shares bin/ and obj/ with the build running the tests.
        var source = Path.Combine(_work, "repo");
        CopySources(Schemas.Root, source);
        var packages = Path.Combine(_work, "packages");

        var pack = await RunAsync("dotnet", source, "pack", Path.Combine("src", "Provisioning.Cli"), "-c", "Release", "-o", packages, "--nologo", "-v", "q", "--disable-build-servers");
        Assert.True(pack.Code == 0, pack.Output);

        var names = Directory.GetFiles(packages, "*.nupkg").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(3, names.Count);
        Assert.Contains(names, n => n!.StartsWith("Provisioning.Cli.linux-x64.", StringComparison.Ordinal));
        Assert.Contains(names, n => n!.StartsWith("Provisioning.Cli.any.", StringComparison.Ordinal));
        using (var native = ZipFile.OpenRead(Directory.GetFiles(packages, "Provisioning.Cli.linux-x64.*.nupkg").Single()))
        {
            Assert.Contains(native.Entries, e => e.FullName == "tools/any/linux-x64/provision");
            Assert.DoesNotContain(native.Entries, e => e.FullName.EndsWith(".dbg", StringComparison.Ordinal));
            Assert.DoesNotContain(native.Entries, e => e.FullName == "tools/any/linux-x64/provision.dll");
        }

        var tools = Path.Combine(_work, "tools");
        var install = await RunAsync("dotnet", _work, "tool", "install", "--tool-path", tools, "--add-source", packages, "Provisioning.Cli", "--version", Version(names));
        Assert.True(install.Code == 0, install.Output);
        var provision = Path.Combine(tools, "provision");

        // A native executable: an ELF file, not a .NET apphost beside a provision.dll.
        var header = new byte[4];
        await using (var file = File.OpenRead(ResolveLink(provision)))
        {
            await file.ReadExactlyAsync(header);
        }

        Assert.Equal(new byte[] { 0x7f, (byte)'E', (byte)'L', (byte)'F' }, header);
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(ResolveLink(provision))!, "provision.dll")), "the installed tool is not native");

        var version = await RunAsync(provision, _work, "--version");
        Assert.True(version.Code == 0, version.Output);
        Assert.StartsWith(Version(names), version.Output.Trim(), StringComparison.Ordinal);

        var project = Path.Combine(_work, "project");
        Directory.CreateDirectory(project);
        File.Copy(Path.Combine(Schemas.Root, "Pulumi.yaml"), Path.Combine(project, "Pulumi.yaml"));
        File.Copy(Path.Combine(Schemas.Root, "Pulumi.local.yaml"), Path.Combine(project, "Pulumi.local.yaml"));
        var preview = await RunAsync(provision, project, "preview", "--stack", "local", "--json");
        Assert.True(preview.Code == 0, preview.Output);
        Assert.Contains("\"create\": 20", preview.Output, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind is harmless.
        }
    }

    private static string Version(IEnumerable<string?> names)
    {
        var pointer = names.OfType<string>().Single(n => !n.Contains("linux-x64", StringComparison.Ordinal) && !n.Contains(".any.", StringComparison.Ordinal));
        return pointer["Provisioning.Cli.".Length..^".nupkg".Length];
    }

    private static string ResolveLink(string path) => new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path;

    private static bool OnPath(string command) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':').Any(d => d.Length > 0 && File.Exists(Path.Combine(d, command)));

    /// <summary>The files a pack reads: the solution's sources and props, without build output or the work folders.</summary>
    private static void CopySources(string from, string to)
    {
        foreach (var file in new[] { ".editorconfig", "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "global.json", "NuGet.config", "nuget.config", "README.md", "LICENSE" })
        {
            if (File.Exists(Path.Combine(from, file)))
            {
                Directory.CreateDirectory(to);
                File.Copy(Path.Combine(from, file), Path.Combine(to, file));
            }
        }

        foreach (var folder in new[] { "src", "schema" })
        {
            CopyTree(Path.Combine(from, folder), Path.Combine(to, folder));
        }
    }

    private static void CopyTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var directory in Directory.EnumerateDirectories(from).Where(d => Path.GetFileName(d) is not ("bin" or "obj" or ".provision")))
        {
            CopyTree(directory, Path.Combine(to, Path.GetFileName(directory)));
        }
    }

    private static async Task<(int Code, string Output)> RunAsync(string file, string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment.Remove("CI");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(15));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
