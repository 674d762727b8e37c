using Provisioning.Diagnostics;
using System.Buffers;
using System.Text.Unicode;
using Provisioning.AzureStack;

namespace Provisioning.Config;

/// <summary>Loads <c>Pulumi.yaml</c> and <c>Pulumi.&lt;stack&gt;.yaml</c> into a validated <see cref="StackDefinition"/>.</summary>
public static class StackLoader
{
    /// <summary>The name of the project file.</summary>
    public const string ProjectFileName = "Pulumi.yaml";

    private const string StackFilePrefix = "Pulumi.";
    private const string StackFileSuffix = ".yaml";

    /// <summary>The largest file read (100,000 tenants take about 15 MB).</summary>
    private const long MaxFileBytes = 256L * 1024 * 1024;

    /// <summary>The file name of a stack's file: <c>Pulumi.&lt;stack&gt;.yaml</c>.</summary>
    public static string StackFileName(string stack) => $"{StackFilePrefix}{stack}{StackFileSuffix}";

    /// <summary>Reads the project file and the stack file from <paramref name="projectDirectory"/> and validates them.</summary>
    /// <remarks>
    /// The only method of the core library that reads files. A missing, unreadable or non-UTF-8 file is a
    /// diagnostic, not an exception; spans name the files relative to the directory (<c>Pulumi.prod.yaml</c>).
    /// </remarks>
    public static StackLoadResult Load(string projectDirectory, string stack)
    {
        ArgumentNullException.ThrowIfNull(projectDirectory);
        ArgumentNullException.ThrowIfNull(stack);
        var diagnostics = new List<Diagnostic>();
        if (!Names.IsValid(stack))
        {
            // Never build a path from an invalid stack name ("../x" would escape the directory).
            diagnostics.Add(DiagnosticCatalog.InvalidStackName(SourceSpan.CommandLine, stack));
            return new StackLoadResult(null, diagnostics);
        }

        var stackFile = StackFileName(stack);
        var projectPath = Path.Combine(projectDirectory, ProjectFileName);
        var stackPath = Path.Combine(projectDirectory, stackFile);
        string? projectYaml = null;
        string? stackYaml = null;
        if (Directory.Exists(projectPath))
        {
            diagnostics.Add(DiagnosticCatalog.FileUnreadable(ProjectFileName, "it is a directory, not a file."));
        }
        else if (!File.Exists(projectPath))
        {
            diagnostics.Add(DiagnosticCatalog.ProjectFileMissing(ProjectFileName, projectDirectory));
        }
        else
        {
            projectYaml = ReadText(projectPath, ProjectFileName, diagnostics);
        }

        if (Directory.Exists(stackPath))
        {
            diagnostics.Add(DiagnosticCatalog.FileUnreadable(stackFile, "it is a directory, not a file."));
        }
        else if (!File.Exists(stackPath))
        {
            var available = Directory.Exists(projectDirectory)
                ? Directory.EnumerateFiles(projectDirectory, $"{StackFilePrefix}*{StackFileSuffix}")
                    .Select(p => Path.GetFileName(p)[StackFilePrefix.Length..^StackFileSuffix.Length])
                    .Where(s => s.Length > 0)
                    .Order(StringComparer.Ordinal)
                    .ToList()
                : [];
            diagnostics.Add(DiagnosticCatalog.StackFileMissing(stackFile, stack, available));
        }
        else
        {
            stackYaml = ReadText(stackPath, stackFile, diagnostics);
        }

        return Validate(ProjectFileName, projectYaml, stackFile, stackYaml, stack, diagnostics, programs: true, projectDirectory);
    }

    /// <summary>
    /// Validates the given texts as a YAML stack; file names are used only in diagnostics. A <c>runtime: dotnet</c> project
    /// is read as YAML here too: there is no folder to find a program in (use <see cref="Load"/> for a project folder).
    /// </summary>
    public static StackLoadResult Parse(string projectFile, string projectYaml, string stackFile, string stackYaml, string stack)
    {
        ArgumentNullException.ThrowIfNull(projectFile);
        ArgumentNullException.ThrowIfNull(projectYaml);
        ArgumentNullException.ThrowIfNull(stackFile);
        ArgumentNullException.ThrowIfNull(stackYaml);
        ArgumentNullException.ThrowIfNull(stack);
        var diagnostics = new List<Diagnostic>();
        if (!Names.IsValid(stack))
        {
            diagnostics.Add(DiagnosticCatalog.InvalidStackName(SourceSpan.CommandLine, stack));
        }

        return Validate(projectFile, projectYaml, stackFile, stackYaml, stack, diagnostics, programs: false);
    }

    /// <summary>
    /// Validates both files; a null text was already reported (missing or unreadable) and is skipped. With
    /// <paramref name="programs"/>, a <c>runtime: dotnet</c> project's stack file is read as a program's (cloud and config only).
    /// </summary>
    private static StackLoadResult Validate(string projectFile, string? projectYaml, string stackFile, string? stackYaml, string stack, List<Diagnostic> diagnostics, bool programs, string? projectDirectory = null)
    {
        var checks = new NodeChecks(diagnostics);
        var project = ProjectFile.None(projectFile);
        if (projectYaml is not null && SourceTreeReader.TryRead(projectFile, projectYaml, diagnostics, out var projectRoot))
        {
            project = new ProjectFileReader(projectFile, checks, programs).Read(projectRoot);
            if (!programs)
            {
                project = project with { Runtime = null };
            }

            if (projectDirectory is not null && project.StateDirectory is { } folder)
            {
                project = project with { StateDirectory = ResolveStateDirectory(projectDirectory, folder, project.BackendSpan, project.BackendUrl!, diagnostics) };
            }
        }

        StackFileContent? content = null;
        if (stackYaml is not null && SourceTreeReader.TryRead(stackFile, stackYaml, diagnostics, out var stackRoot))
        {
            content = new StackFileReader(stackFile, project, checks).Read(stackRoot);
            if (content is not null)
            {
                diagnostics.AddRange(DomainRules.Check(content.Registrations, content.Tenants));
            }
        }

        // An aliased node is read once but used in several places: say each thing once.
        var ordered = diagnostics
            .Distinct()
            .OrderBy(d => d.Span.File == projectFile ? 1 : d.Span.File == stackFile ? 2 : 0)
            .ThenBy(d => d.Span.Line)
            .ThenBy(d => d.Span.Column)
            .ToList();
        var failed = ordered.Any(d => d.Level == Severity.Error) || content is null || project.Name is null;
        var definition = failed
            ? null
            : new StackDefinition(project.Name!, stack, content!.Cloud, content.Registrations, content.Tenants, project.BackendUrl) { StateDirectory = project.StateDirectory };
        return new StackLoadResult(definition, ordered) { Program = project.IsProgram ? new ProgramProject(project.Main, project.MainSpan) : null };
    }

    /// <summary>A file:// backend's folder made absolute (relative to the project folder); null after reporting a path that is a file.</summary>
    private static string? ResolveStateDirectory(string projectDirectory, string folder, SourceSpan span, string url, List<Diagnostic> diagnostics)
    {
        string full;
        try
        {
            full = Path.GetFullPath(Path.Combine(projectDirectory, folder));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            diagnostics.Add(DiagnosticCatalog.InvalidBackendUrl(span, url, "it is not a usable path."));
            return null;
        }

        if (File.Exists(full))
        {
            diagnostics.Add(DiagnosticCatalog.InvalidBackendUrl(span, url, "it names a file, not a folder."));
            return null;
        }

        return full;
    }

    /// <summary>Reads a file as strict UTF-8 (a byte order mark is skipped); null after reporting when it cannot be read or decoded.</summary>
    private static string? ReadText(string path, string file, List<Diagnostic> diagnostics)
    {
        byte[] bytes;
        try
        {
            var length = new FileInfo(path).Length;
            if (length > MaxFileBytes)
            {
                diagnostics.Add(DiagnosticCatalog.FileUnreadable(file, $"it is {length:N0} bytes; a stack file is at most {MaxFileBytes:N0}."));
                return null;
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(DiagnosticCatalog.FileUnreadable(file, e.Message));
            return null;
        }

        ReadOnlySpan<byte> utf8 = bytes;
        if (utf8.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            utf8 = utf8[3..];
        }

        var chars = new char[utf8.Length];
        var status = Utf8.ToUtf16(utf8, chars, out _, out var written, replaceInvalidSequences: false);
        if (status != OperationStatus.Done)
        {
            // Place the error at the first bad byte: count lines and columns in the text decoded before it.
            var before = chars.AsSpan(0, written);
            var line = before.Count('\n') + 1;
            var column = written - before.LastIndexOf('\n');
            diagnostics.Add(DiagnosticCatalog.NotUtf8(new SourceSpan(file, line, column)));
            return null;
        }

        return new string(chars, 0, written);
    }
}
