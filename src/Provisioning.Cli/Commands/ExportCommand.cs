using Provisioning.Diagnostics;
using System.CommandLine;
using Provisioning.Cli.Rendering;
using Provisioning.Config;
using Provisioning.Export;
using Spectre.Console;

namespace Provisioning.Cli.Commands;

/// <summary>
/// Declares <c>provision export</c>: writes the stack as Bicep, ARM template JSON, a Pulumi YAML program or
/// Terraform azapi. Reads only the stack files; sends no request to ARM.
/// </summary>
internal static class ExportCommand
{
    private static readonly Dictionary<string, ExportFormat> Formats = new(StringComparer.Ordinal)
    {
        ["bicep"] = ExportFormat.Bicep,
        ["arm"] = ExportFormat.Arm,
        ["pulumi-yaml"] = ExportFormat.PulumiYaml,
        ["terraform"] = ExportFormat.Terraform,
    };

    /// <summary>Makes the command, loading stacks with <see cref="StackLoader.Load"/>.</summary>
    public static Command Create(CliConsole console) => Create(console, (directory, stack) => Load(console, directory, stack));

    /// <summary>The stack as the engine reads it (a program is run as for a preview); its warnings are shown as they come.</summary>
    private static StackLoadResult Load(CliConsole console, string directory, string stack)
    {
        var workspace = new Provisioning.Engine.Workspace(directory, new Provisioning.Engine.WorkspaceOptions { Observer = new CliObserver(console, json: false) });
        return new StackLoadResult(workspace.Stack(stack).LoadAsync(preview: true).GetAwaiter().GetResult(), []);
    }

    /// <summary>Makes the command with the given stack loader (tests pass one that needs no files).</summary>
    internal static Command Create(CliConsole console, Func<string, string, StackLoadResult> load)
    {
        var stack = new Option<string>("--stack", "-s") { Description = "The stack to export (reads Pulumi.<stack>.yaml).", Required = true };
        var format = new Option<string>("--format", "-f") { Description = "bicep, arm, pulumi-yaml or terraform.", Required = true };
        format.AcceptOnlyFromAmong([.. Formats.Keys]);
        var output = new Option<string>("--out", "-o")
        {
            Description = "Write the files under this folder. Default: print a single-file export (pulumi-yaml, terraform; bicep and arm when small) to standard output.",
        }.MustBeWritableFolder();
        var cwd = new Option<string>("--cwd", "-C") { Description = "Run as if started in this directory (where Pulumi.yaml is). Default: the current directory." }.MustBeExistingFolder();
        var command = new Command("export", "Write the stack as Bicep, ARM template JSON, a Pulumi YAML program or Terraform (azapi). Sends nothing to ARM.")
        {
            stack, format, output, cwd,
        };
        command.SetAction(parse =>
        {
            var directory = parse.GetValue(cwd);
            return Run(
                console,
                load(Path.GetFullPath(string.IsNullOrEmpty(directory) ? Directory.GetCurrentDirectory() : directory), parse.GetValue(stack)!),
                Formats[parse.GetValue(format)!],
                parse.GetValue(output));
        });
        return command;
    }

    private static int Run(CliConsole console, StackLoadResult loaded, ExportFormat format, string? outputDirectory)
    {
        foreach (var diagnostic in loaded.Diagnostics)
        {
            DiagnosticRenderer.Write(console.Error, diagnostic);
        }

        if (loaded.HasErrors)
        {
            console.Error.MarkupLineInterpolated($"[red]{loaded.Diagnostics.Count(d => d.Level == Severity.Error)} error(s): nothing was exported.[/]");
            return ExitCodes.InvalidInput;
        }

        var files = Exporters.Export(loaded.Stack!, format);
        if (string.IsNullOrEmpty(outputDirectory))
        {
            if (files.Count != 1)
            {
                throw new DiagnosticException(DiagnosticCatalog.ExportNeedsFolder(files.Count, string.Join(", ", files.Select(f => f.RelativePath))));
            }

            // Raw text, not Spectre markup or wrapping: the output is meant to be redirected into a file.
            console.Out.Profile.Out.Writer.Write(files[0].Content);
            console.Out.Profile.Out.Writer.Flush();
            return ExitCodes.Ok;
        }

        var root = Path.GetFullPath(outputDirectory);
        try
        {
            foreach (var file in files)
            {
                var path = Path.Combine(root, file.RelativePath);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, file.Content);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DiagnosticException(DiagnosticCatalog.FileSystemFailure(root, $"cannot write the export: {e.Message}"), e);
        }

        console.Out.MarkupLineInterpolated($"Wrote {files.Count} file(s) to {root}: {string.Join(", ", files.Select(f => f.RelativePath))}");
        return ExitCodes.Ok;
    }
}
