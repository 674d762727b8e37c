using System.CommandLine;
using Provisioning.Azure.State;
using Provisioning.Config;
using Provisioning.Engine;
using Provisioning.Cli.Rendering;
using Provisioning.Diagnostics;
using Provisioning.State;
using Spectre.Console;

namespace Provisioning.Cli.Commands;

/// <summary>
/// Declares <c>provision stack import</c>: validates a state JSON document completely (format 1 to 3, every id and URN,
/// all of this stack and project, no duplicates; its checksum is not checked, the operator vouches for the file) and only then replaces the stack's state
/// with it, under the stack's lock. Sends nothing to ARM. It is also the explicit migration of a format-1 state file.
/// </summary>
internal static class StackImportCommand
{
    /// <summary>Makes the command.</summary>
    public static Command Create(CliConsole console)
    {
        var stack = new Option<string>("--stack", "-s") { Description = "The stack whose state to replace.", Required = true };
        var file = new Option<string>("--file") { Description = "The state JSON to import (as written by stack export, or a format-1 state file to migrate).", Required = true }.MustBeExistingFile();
        var cwd = StackCommand.CwdOption();
        var command = new Command("import", "Validate a state JSON file, then replace the stack's state with it.") { stack, file, cwd };
        command.SetAction((parse, ct) => RunAsync(console, StackCommand.Directory(parse, cwd), parse.GetValue(stack)!, parse.GetValue(file)!, ct));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, string directory, string stack, string file, CancellationToken cancellationToken)
    {
        Checkpoint checkpoint;
        try
        {
            await using var stream = File.OpenRead(file);
            checkpoint = CheckpointSerializer.ReadForImport(stream, file);
        }
        catch (DiagnosticException e)
        {
            var code = StackExportCommand.Report(console, e);
            console.Error.MarkupLine("[red]Nothing was imported.[/]");
            return code;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.Error.MarkupLineInterpolated($"[red]error:[/] cannot read '{file}': {e.Message} Nothing was imported.");
            return ExitCodes.InvalidInput;
        }

        // The stack files name the backend, so the state replaced is the one every other verb reads (a program is not run).
        var loaded = StackLoader.Load(directory, stack);
        foreach (var diagnostic in loaded.Diagnostics)
        {
            DiagnosticRenderer.Write(console.Error, diagnostic);
        }

        if (loaded.Stack is not { } definition || loaded.HasErrors)
        {
            console.Error.MarkupLine("[red]Nothing was imported.[/]");
            return ExitCodes.InvalidInput;
        }

        var problems = Check(checkpoint, stack, definition.Project);
        foreach (var problem in problems)
        {
            DiagnosticRenderer.Write(console.Error, DiagnosticCatalog.ImportInvalid(file, problem));
        }

        // Blast radius: an imported state never brings in anything the stack may not touch, recorded or pending.
        var ids = checkpoint.Resources.Concat(checkpoint.Pending.Select(p => p.Resource)).Select(r => (r.Id, (string?)r.Type));
        var outside = definition.Scope.Check(ids, SourceSpan.WholeFile(file), "the imported state");
        foreach (var diagnostic in outside)
        {
            DiagnosticRenderer.Write(console.Error, diagnostic);
        }

        if (problems.Count > 0 || outside.Count > 0)
        {
            console.Error.MarkupLine("[red]Nothing was imported.[/]");
            return ExitCodes.InvalidInput;
        }

        // Locked but not read: the state replaced may be one no longer read (format 1, damaged) — that is what import is for.
        string where;
        try
        {
            where = await new Workspace(directory, new WorkspaceOptions { StateBackend = AzureStateBackend.Instance }).Stack(stack).ReplaceStateAsync(definition, checkpoint, cancellationToken);
        }
        catch (DiagnosticException e)
        {
            var code = StackExportCommand.Report(console, e);
            console.Error.MarkupLine("[red]Nothing was imported.[/]");
            return code;
        }

        console.Out.MarkupLineInterpolated($"Imported {checkpoint.Resources.Length} resource(s) into the state of stack {stack} ({where}).");
        return ExitCodes.Ok;
    }

    /// <summary>Every reason the checkpoint cannot be the stack's state.</summary>
    private static List<string> Check(Checkpoint checkpoint, string stack, string project)
    {
        var problems = new List<string>();
        if (checkpoint.Stack != stack)
        {
            problems.Add($"the state is of stack '{DiagnosticCatalog.Excerpt(checkpoint.Stack, 200)}', not '{stack}'.");
        }

        if (checkpoint.Project != project)
        {
            problems.Add($"the state is of project '{DiagnosticCatalog.Excerpt(checkpoint.Project, 200)}', not '{project}'.");
        }

        foreach (var duplicate in checkpoint.Resources.GroupBy(r => r.Id).Where(g => g.Count() > 1))
        {
            problems.Add($"the id {DiagnosticCatalog.Excerpt(duplicate.Key.ToString(), 200)} appears {duplicate.Count()} times.");
        }

        foreach (var duplicate in checkpoint.Resources.GroupBy(r => r.Urn).Where(g => g.Count() > 1))
        {
            problems.Add($"the URN {DiagnosticCatalog.Excerpt(duplicate.Key.Value, 200)} appears {duplicate.Count()} times.");
        }

        foreach (var duplicate in checkpoint.Pending.GroupBy(p => p.Sequence).Where(g => g.Count() > 1))
        {
            problems.Add($"the pending operation {duplicate.Key} appears {duplicate.Count()} times.");
        }

        var prefix = new StateIdentity(project, stack).UrnPrefix;
        foreach (var urn in checkpoint.Resources.Select(r => r.Urn).Concat(checkpoint.Pending.Select(p => p.Resource.Urn)).Where(u => !u.Value.StartsWith(prefix, StringComparison.Ordinal)))
        {
            problems.Add($"{DiagnosticCatalog.Excerpt(urn.Value, 200)} does not belong to stack {stack} of project {project}.");
        }

        return problems;
    }

}
