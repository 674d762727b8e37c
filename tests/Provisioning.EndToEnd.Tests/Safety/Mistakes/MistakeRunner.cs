// The corpus of operator mistakes (issue 11, "Safe by construction"), run through the real CLI.
//
// How to add a case
// -----------------
// Add one `new Mistake("kind/what", args…) { … }` to the catalogue file of its kind (Catalogue.<Kind>.cs; the kinds are
// the bullets of issue 11's "Why"). A case is code:
//   Args      the command after `provision`; "{dir}" is the project folder; `--cwd {dir}` is appended (Cwd = false to not).
//   Prepare   commands run first that must exit 0, e.g. Up("local") to make real state and emulator data.
//   Arrange   edits of the project folder through MistakeProject: Write/Replace/CutAt/Truncate/MakeDirectory/Symlink/
//             Copy, EditState and AppendJournal (through the product's serializers, so checksums are valid),
//             SetEnvironment (restored after the case), UseEmulatorEndpoint (cloud = this case's emulator).
//   Exit      2 bad input (default), 1 the environment is at fault, 4 locked, 0 for the few inputs that must be accepted.
//   Codes     optional: exactly these PRV codes on stderr's error lines.
//   Reads     true only when the refusal needs ARM's answer (GETs are then allowed; PUT/DELETE never are).
//   Host      Emulator (default: in-process over this case's emulator), Default (the CLI's own provider factory:
//             credentials, trust variables), Process (a real `provision` process: for what could kill the test host).
//   Secret / Forbidden   text / a pattern that must not appear in the output.
// Never weaken a case to make it pass, never skip one: a failing case is a bug to fix in the product.
//
// What the runner checks, per case (MistakeRunner.RunAsync): a fresh temporary project folder (the repository's
// Pulumi.yaml, Pulumi.local.yaml and Pulumi.prod.yaml from MistakeStacks, both on cloud `local`) and a fresh emulator
// holding their registrations; Prepare; Arrange; a snapshot of every file (path and SHA-256, symlinks by target) and of
// the emulator's request count; the command; then: the exit code; for a failure, at least one located
// "where: error PRVnnn: message" line on stderr (exactly Codes when given); no stack trace or exception type name in
// stdout or stderr; stderr under 10 KB; no request sent (no PUT/DELETE when Reads); no file changed; no lock left.

using Provisioning.Engine;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Provisioning.ArmEmulator;
using Provisioning.Cli;
using Provisioning.Cli.Engine;
using Spectre.Console.Testing;

namespace Provisioning.EndToEnd.Tests.Safety.Mistakes;

/// <summary>Runs one <see cref="Mistake"/> and returns every way it went wrong (empty when the tool behaved).</summary>
internal static partial class MistakeRunner
{
    private const int MaxErrorBytes = 10 * 1024;

    public static async Task<(IReadOnlyList<string> Problems, CliResult Result)> RunAsync(Mistake mistake)
    {
        var dir = Path.Combine(Path.GetTempPath(), "provision-mistake-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dir);
        File.Copy(Path.Combine(StackFolder.RepositoryRoot, "Pulumi.yaml"), Path.Combine(dir, "Pulumi.yaml"));
        File.WriteAllText(Path.Combine(dir, "Pulumi.local.yaml"), MistakeStacks.Local);
        File.WriteAllText(Path.Combine(dir, "Pulumi.prod.yaml"), MistakeStacks.Prod);

        await using var emulator = await ArmEmulator.ArmEmulator.StartAsync(new ArmEmulatorOptions { UseHttps = mistake.Https });
        foreach (var (subscription, group, name) in MistakeStacks.Registrations)
        {
            emulator.Store.SeedRegistration(subscription, group, name);
        }

        var project = new MistakeProject(dir, emulator);
        try
        {
            foreach (var command in mistake.Prepare)
            {
                var prepared = await InProcessAsync(new EmulatorProviderFactory(emulator), [.. command.Select(a => a.Replace("{dir}", dir, StringComparison.Ordinal)), "--cwd", dir], mistake.Timeout);
                Assert.True(prepared.ExitCode == 0, $"Prepare '{string.Join(' ', command)}' must succeed:\n{prepared}");
            }

            mistake.Arrange?.Invoke(project);
            var before = Snapshot(dir);
            var requests = emulator.RequestLog.Count;
            var writes = Writes(emulator);

            var args = mistake.Args.Select(a => a.Replace("{dir}", dir, StringComparison.Ordinal)).ToList();
            if (mistake.Cwd)
            {
                args.AddRange(["--cwd", dir]);
            }

            var result = mistake.Host switch
            {
                MistakeHost.Emulator => await InProcessAsync(new EmulatorProviderFactory(emulator), [.. args], mistake.Timeout),
                MistakeHost.Default => await InProcessAsync(new DefaultProviderFactory(), [.. args], mistake.Timeout),
                _ => await InProcessOfItsOwnAsync([.. args], mistake.Timeout),
            };

            var problems = Check(mistake, result, before, Snapshot(dir), emulator.RequestLog.Count - requests, Writes(emulator) - writes);
            return (problems, result);
        }
        finally
        {
            project.RestoreEnvironment();
            RemoveFolder(dir);
        }
    }

    private static List<string> Check(Mistake mistake, CliResult result, IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after, int requests, int writes)
    {
        var problems = new List<string>();

        // A huge output already fails the size check; the patterns look at its two ends only.
        var output = Ends(result.Out) + "\n" + Ends(result.Error);
        if (result.ExitCode != mistake.Exit && !mistake.OrExit.Contains(result.ExitCode))
        {
            problems.Add($"exit {result.ExitCode}, expected {string.Join(" or ", new[] { mistake.Exit }.Concat(mistake.OrExit))}");
        }

        var errors = Ends(result.Error).Split('\n').Select(l => ErrorLine().Match(l.TrimEnd('\r'))).Where(m => m.Success).ToList();
        if (mistake.Exit != 0 && errors.Count == 0)
        {
            problems.Add("no located 'where: error PRVnnn: message' line on stderr");
        }

        if (mistake.Codes.Count > 0)
        {
            var codes = errors.Select(m => m.Groups["code"].Value).Distinct().Order(StringComparer.Ordinal).ToList();
            if (!codes.SequenceEqual(mistake.Codes.Distinct().Order(StringComparer.Ordinal)))
            {
                problems.Add($"error codes [{string.Join(", ", codes)}], expected [{string.Join(", ", mistake.Codes)}]");
            }
        }

        if (StackFrame().IsMatch(output) || ExceptionName().Match(output) is { Success: true })
        {
            problems.Add($"a stack trace or an exception type name in the output: '{Excerpt(output, StackFrame().IsMatch(output) ? StackFrame().Match(output).Index : ExceptionName().Match(output).Index)}'");
        }

        if (Encoding.UTF8.GetByteCount(result.Error) > MaxErrorBytes)
        {
            problems.Add($"stderr is {Encoding.UTF8.GetByteCount(result.Error):N0} bytes (at most {MaxErrorBytes:N0})");
        }

        if (mistake.Reads ? writes > 0 : requests > 0)
        {
            problems.Add(mistake.Reads ? $"{writes} PUT/DELETE request(s) sent" : $"{requests} request(s) sent to the emulator ({writes} PUT/DELETE)");
        }

        var changed = before.Keys.Union(after.Keys).Where(k => before.GetValueOrDefault(k) != after.GetValueOrDefault(k)).Order(StringComparer.Ordinal).ToList();
        if (changed.Count > 0)
        {
            problems.Add("files changed: " + string.Join(", ", changed.Select(k => $"{k} ({(before.ContainsKey(k) ? after.ContainsKey(k) ? "modified" : "removed" : "added")})")));
        }

        if (after.Keys.Any(k => k.EndsWith(".lock", StringComparison.Ordinal) && !before.ContainsKey(k)))
        {
            problems.Add("a lock file was left behind");
        }

        if (mistake.Secret is { } secret && output.Contains(secret, StringComparison.Ordinal))
        {
            problems.Add($"the secret '{secret}' is echoed");
        }

        if (mistake.Forbidden is { } forbidden && Regex.Match(output, forbidden, RegexOptions.Multiline) is { Success: true } bad)
        {
            problems.Add($"forbidden output /{forbidden}/: '{Excerpt(output, bad.Index)}'");
        }

        return problems;
    }

    /// <summary>The CLI in this process with captured consoles; an exception that escapes is reported as what it is, a crash.</summary>
    private static async Task<CliResult> InProcessAsync(IProviderFactory providers, string[] args, TimeSpan caseTimeout)
    {
        var output = new TestConsole();
        var error = new TestConsole();
        output.Profile.Width = 4096;
        error.Profile.Width = 4096;
        using var timeout = new CancellationTokenSource(caseTimeout);
        int code;
        try
        {
            var console = new CliConsole(output, error, Interactive: false) { ContinuousIntegration = CliConsole.CiFromEnvironment() };
            code = await CliApp.RunAsync(args, console, providers, timeout.Token)
                .WaitAsync(caseTimeout + TimeSpan.FromSeconds(15));
        }
        catch (TimeoutException)
        {
            return new CliResult(-1, output.Output, error.Output + $"\n[runner] hung: no exit after {caseTimeout.TotalSeconds:N0} s");
        }
#pragma warning disable CA1031 // Any exception that escapes the CLI is the finding.
        catch (Exception e)
#pragma warning restore CA1031
        {
            // In the real process this is exit 134 and the .NET trace on stderr.
            return new CliResult(134, output.Output, error.Output + $"\n[runner] crashed: unhandled {e.GetType().FullName}: {e.Message}\n{e.StackTrace}");
        }

        if (timeout.IsCancellationRequested)
        {
            return new CliResult(code, output.Output, error.Output + $"\n[runner] hung: cancelled after {caseTimeout.TotalSeconds:N0} s");
        }

        return new CliResult(code, output.Output, error.Output);
    }

    /// <summary>The real <c>provision</c> as a child process (its environment inherited), killed with its tree on time-out.</summary>
    private static async Task<CliResult> InProcessOfItsOwnAsync(string[] args, TimeSpan caseTimeout)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "provision.dll"));
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(caseTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return new CliResult(-1, await stdout, await stderr + $"\n[runner] hung: killed after {caseTimeout.TotalSeconds:N0} s");
        }

        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Every file under the folder: its path and SHA-256 (symlinks: their target, never followed).</summary>
    private static Dictionary<string, string> Snapshot(string dir)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = true };
        foreach (var entry in new DirectoryInfo(dir).EnumerateFileSystemInfos("*", options))
        {
            var relative = Path.GetRelativePath(dir, entry.FullName);
            if (entry.LinkTarget is { } target)
            {
                files[relative] = "symlink -> " + target;
            }
            else if (entry is FileInfo file)
            {
                try
                {
                    using var stream = file.OpenRead();
                    files[relative] = Convert.ToHexStringLower(SHA256.HashData(stream));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    files[relative] = "unreadable";
                }
            }
        }

        return files;
    }

    private static int Writes(ArmEmulator.ArmEmulator emulator) =>
        emulator.RequestLog.Counts.Where(c => c.Key.Method is "PUT" or "DELETE" or "PATCH" or "POST").Sum(c => c.Value);

    private static void RemoveFolder(string dir)
    {
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: a temporary folder left behind is harmless.
        }
    }

    private static string Ends(string text) => text.Length <= 512 * 1024 ? text : string.Concat(text.AsSpan(0, 256 * 1024), "\n", text.AsSpan(text.Length - (256 * 1024)));

    private static string Excerpt(string text, int at) => text.Substring(Math.Max(0, at - 40), Math.Min(160, text.Length - Math.Max(0, at - 40))).ReplaceLineEndings(" ");

    /// <summary><c>where: error PRV123: message</c> with a non-empty place (a file, a file(line,col), or <c>&lt;command line&gt;</c>).</summary>
    [GeneratedRegex(@"^(?<where>\S.*?): error (?<code>PRV\d{3}): \S")]
    private static partial Regex ErrorLine();

    /// <summary>A .NET stack frame: "   at Namespace.Type.Method(".</summary>
    [GeneratedRegex(@"^\s+at [\w.`<>\[\],+|]+[.(]", RegexOptions.Multiline)]
    private static partial Regex StackFrame();

    /// <summary>An exception's type name (<c>IOException</c>, <c>System.FormatException:</c>), which people should never have to read.</summary>
    [GeneratedRegex(@"\b\w*Exception\b")]
    private static partial Regex ExceptionName();
}
