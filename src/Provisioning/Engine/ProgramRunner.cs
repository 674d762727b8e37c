using System.Globalization;
using Provisioning.Config;
using Provisioning.Diagnostics;
using Provisioning.Programs;

namespace Provisioning.Engine;

/// <summary>
/// Runs a C# program (<c>runtime: dotnet</c>) the way <c>pulumi up</c> runs a .NET program: builds it when its sources
/// changed (<see cref="ProgramFingerprint"/>), starts it with the contract's environment (docs/program-contract.md), shows
/// its output on standard error, stops it after a timeout, reads its message and converts it with every domain rule.
/// Runs before the state is locked or anything is contacted; every problem is a <see cref="DiagnosticException"/>.
/// </summary>
internal sealed class ProgramRunner(Action<string> show)
{
    /// <summary>The environment variable that sets the program's timeout in seconds (default 120).</summary>
    public const string TimeoutVariable = "PROVISION_PROGRAM_TIMEOUT";

    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(10);
    private readonly Lock _output = new();

    /// <summary>The program's folder under the work folder: the stamp, the build output and the message.</summary>
    public static string WorkPath(string projectDirectory) => Path.Combine(new WorkFolder(projectDirectory).Root, "program");

    /// <summary>The stamp file: what the last successful build was made from.</summary>
    public static string StampPath(string projectDirectory) => Path.Combine(WorkPath(projectDirectory), "stamp");

    /// <summary>
    /// Runs the program of <paramref name="loaded"/> (a program project's files, already valid) and returns the stack it
    /// declares with the files' warnings and the conversion's, and its stack outputs; throws with every diagnostic when
    /// there is an error.
    /// </summary>
    public async Task<SourcedStack> RunAsync(string projectDirectory, StackLoadResult loaded, bool preview, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        var files = loaded.Stack!;
        var location = ProgramLocator.Find(projectDirectory, loaded.Program!);
        var timeout = Timeout();
        var work = WorkPath(projectDirectory);
        Directory.CreateDirectory(work);
        var dll = Path.Combine(work, "bin", location.AssemblyName + ".dll");
        await BuildIfChangedAsync(projectDirectory, location, dll, cancellationToken).ConfigureAwait(false);

        var config = await ConfigAsync(projectDirectory, files, cancellationToken).ConfigureAwait(false);
        var messagePath = Path.Combine(work, $"message-{Environment.ProcessId}-{Guid.NewGuid():N}.json");
        try
        {
            var variables = ProgramEnvironment.Variables(files.Project, files.Stack, messagePath, config, [], preview);
            var exit = await ProgramProcess.RunAsync(ProgramProcess.DotnetHost, [dll], location.Folder, variables, Show, timeout, cancellationToken).ConfigureAwait(false);
            var programSpan = SourceSpan.WholeFile(Relative(projectDirectory, location.ProjectFile));
            if (exit is null)
            {
                throw new DiagnosticException(DiagnosticCatalog.ProgramTimedOut(programSpan, timeout));
            }

            if (!File.Exists(messagePath))
            {
                throw new DiagnosticException(DiagnosticCatalog.ProgramWroteNoMessage(programSpan, exit.Value));
            }

            var message = await File.ReadAllBytesAsync(messagePath, cancellationToken).ConfigureAwait(false);
            return Convert(loaded, message, location.Folder, Relative(projectDirectory, location.ProjectFile));
        }
        finally
        {
            File.Delete(messagePath);
        }
    }

    /// <summary>Runs an inline program (in this process) for the stack files of <paramref name="loaded"/>, and converts its message as a program process's.</summary>
    public static async Task<SourcedStack> RunInlineAsync(string projectDirectory, StackLoadResult loaded, InlineProgram program, bool preview, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        ArgumentNullException.ThrowIfNull(program);
        var files = loaded.Stack!;
        var config = await ConfigAsync(projectDirectory, files, cancellationToken).ConfigureAwait(false);
        var message = await program(new InlineProgramContext(files.Project, files.Stack, config, new HashSet<string>(StringComparer.Ordinal), preview), cancellationToken).ConfigureAwait(false);
        return Convert(loaded, message.ToArray(), projectDirectory, "the inline program");
    }

    /// <summary>The config as the program sees it: the project file's defaults, the stack file's values over them.</summary>
    private static async Task<IReadOnlyDictionary<string, System.Text.Json.JsonElement>> ConfigAsync(string projectDirectory, StackDefinition files, CancellationToken cancellationToken)
    {
        var stackFile = StackLoader.StackFileName(files.Stack);
        var (config, _) = ProgramConfig.FromStackFile(stackFile, await ReadIfPresentAsync(Path.Combine(projectDirectory, stackFile), cancellationToken).ConfigureAwait(false));
        var defaults = ProgramConfig.FromProjectFile(StackLoader.ProjectFileName, await ReadIfPresentAsync(Path.Combine(projectDirectory, StackLoader.ProjectFileName), cancellationToken).ConfigureAwait(false), files.Project);
        return ProgramConfig.Merge(defaults, config);
    }

    private static async Task<string> ReadIfPresentAsync(string path, CancellationToken cancellationToken) =>
        File.Exists(path) ? await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false) : string.Empty;

    /// <summary>Reads a program's message and converts it with every domain rule; throws with every diagnostic when there is an error.</summary>
    private static SourcedStack Convert(StackLoadResult loaded, byte[] message, string sourceRoot, string programName)
    {
        var files = loaded.Stack!;
        var read = ProgramMessageReader.Read(message, "the program's message");
        if (read.HasErrors)
        {
            throw new DiagnosticException([.. loaded.Diagnostics, .. read.Diagnostics]);
        }

        var conversion = ProgramConverter.Convert(read.Message!, new ProgramConversionOptions(files.Project, files.Stack, files.Cloud)
        {
            BackendUrl = files.BackendUrl,
            SourceRoot = sourceRoot,
            ProgramName = programName,
        });
        IReadOnlyList<Diagnostic> all = [.. loaded.Diagnostics, .. conversion.Diagnostics];
        if (conversion.HasErrors)
        {
            throw new DiagnosticException(all);
        }

        return new SourcedStack(new StackLoadResult(conversion.Stack! with { StateDirectory = files.StateDirectory }, all) { Program = loaded.Program }, conversion.Outputs);
    }

    private async Task BuildIfChangedAsync(string projectDirectory, ProgramLocation location, string dll, CancellationToken cancellationToken)
    {
        var stampPath = StampPath(projectDirectory);
        var stamp = ProgramFingerprint.Compute(location);
        if (File.Exists(dll) && File.Exists(stampPath) && await File.ReadAllTextAsync(stampPath, cancellationToken).ConfigureAwait(false) == stamp)
        {
            return;
        }

        File.Delete(stampPath);
        var project = Relative(projectDirectory, location.ProjectFile);
        Show($"Building the program {project} (its sources changed since the last build)…");
        var lines = new List<string>();
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
            ["MSBUILDDISABLENODEREUSE"] = "1",
        };

        // No build server outlives the build: provision leaves no process running.
        string[] arguments = ["build", location.ProjectFile, "-c", "Release", "-o", Path.GetDirectoryName(dll)!, "--nologo", "-v", "q", "--disable-build-servers"];
        var exit = await ProgramProcess.RunAsync(ProgramProcess.DotnetHost, arguments, location.Folder, environment, line =>
        {
            lock (lines)
            {
                lines.Add(line);
            }
        }, BuildTimeout, cancellationToken).ConfigureAwait(false);
        var span = SourceSpan.WholeFile(project);
        if (exit is null)
        {
            throw new DiagnosticException(DiagnosticCatalog.ProgramBuildFailed(span, $"dotnet build ran longer than {BuildTimeout.TotalMinutes:0} minutes and was stopped."));
        }

        if (exit != 0 || !File.Exists(dll))
        {
            throw new DiagnosticException(DiagnosticCatalog.ProgramBuildFailed(span, CompilerErrors(lines, location.Folder, exit.Value, dll)));
        }

        await File.WriteAllTextAsync(stampPath, stamp, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The compiler's <c>error</c> lines, once each, paths relative to the program; the end of the output when there are none.</summary>
    private static string CompilerErrors(List<string> lines, string folder, int exit, string dll)
    {
        var errors = lines
            .Where(l => l.Contains(": error ", StringComparison.Ordinal))
            .Select(l => StripProject(l).Replace(folder + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal).Trim())
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (errors.Count > 0)
        {
            return string.Join(Environment.NewLine, errors.Take(50));
        }

        var tail = string.Join(Environment.NewLine, lines.Where(l => l.Trim().Length > 0).TakeLast(20));
        return exit == 0
            ? $"dotnet build succeeded but wrote no {Path.GetFileName(dll)}; does the project's AssemblyName or OutputType differ?{Environment.NewLine}{tail}"
            : $"dotnet build exited with code {exit}.{Environment.NewLine}{tail}";
    }

    // MSBuild ends each error with " [/path/to/Program.csproj]": the project is known, the line is long enough.
    private static string StripProject(string line) =>
        line.EndsWith(".csproj]", StringComparison.Ordinal) && line.LastIndexOf(" [", StringComparison.Ordinal) is var at and > 0 ? line[..at] : line;

    private static TimeSpan Timeout()
    {
        var text = Environment.GetEnvironmentVariable(TimeoutVariable);
        if (string.IsNullOrWhiteSpace(text))
        {
            return DefaultTimeout;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds is > 0 and <= 86_400
            ? TimeSpan.FromSeconds(seconds)
            : throw new DiagnosticException(DiagnosticCatalog.ProgramTimeoutInvalid(TimeoutVariable, text));
    }

    private static string Relative(string projectDirectory, string path) => Path.GetRelativePath(projectDirectory, path);

    /// <summary>Shows one line of the program's (or provision's build) output on standard error, as it is (no markup).</summary>
    private void Show(string line)
    {
        lock (_output)
        {
            show(line);
        }
    }
}
