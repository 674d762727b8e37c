using Provisioning.Diagnostics;
using Provisioning.Cli.Rendering;
using System.CommandLine;
using Provisioning.Cli.Engine;
using Provisioning.State;
using Spectre.Console;

namespace Provisioning.Cli.Commands;

/// <summary>
/// Declares <c>provision stack import</c>: validates a state JSON document (format, ids, URNs of this stack and
/// project, no duplicates) and then replaces the stack's state with it. Sends nothing to ARM.
/// </summary>
internal static class StackImportCommand
{
    /// <summary>Makes the command.</summary>
    public static Command Create(CliConsole console)
    {
        var stack = new Option<string>("--stack", "-s") { Description = "The stack whose state to replace.", Required = true };
        var file = new Option<string>("--file") { Description = "The state JSON to import (as written by stack export).", Required = true }.MustBeExistingFile();
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
            checkpoint = CheckpointSerializer.Read(stream, file);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            console.Error.MarkupLineInterpolated($"[red]error:[/] {e.Message} Nothing was imported.");
            return ExitCodes.InvalidInput;
        }

        // The stack file names the backend, so the state replaced is the one every other verb reads.
        if (StackContext.Load(console, directory, stack) is not { } context)
        {
            console.Error.MarkupLine("[red]Nothing was imported.[/]");
            return ExitCodes.InvalidInput;
        }

        var problems = Check(checkpoint, stack, context.Stack.Project);
        foreach (var problem in problems)
        {
            console.Error.MarkupLineInterpolated($"[red]error:[/] {file}: {problem}");
        }

        // Blast radius: an imported state never brings in anything the stack may not touch.
        var outside = context.Stack.Scope.Check(checkpoint.Resources.Select(r => (r.Id, (string?)r.Type)), SourceSpan.WholeFile(file), "the imported state");
        foreach (var diagnostic in outside)
        {
            DiagnosticRenderer.Write(console.Error, diagnostic);
        }

        if (problems.Count > 0 || outside.Count > 0)
        {
            console.Error.MarkupLine("[red]Nothing was imported.[/]");
            return ExitCodes.InvalidInput;
        }

        await using var state = await context.OpenStateAsync(console, "stack import", cancellationToken);
        if (state.Failure is { } failure)
        {
            return failure;
        }

        await state.Store.WriteAsync(checkpoint, cancellationToken);
        var where = state.Store is LocalFileStateStore local ? local.Path : context.Stack.BackendUrl;
        console.Out.MarkupLineInterpolated($"Imported {checkpoint.Resources.Length} resource(s) into the state of stack {stack} ({where}).");
        return ExitCodes.Ok;
    }

    /// <summary>Every reason the checkpoint cannot be the stack's state.</summary>
    private static List<string> Check(Checkpoint checkpoint, string stack, string project)
    {
        var problems = new List<string>();
        if (checkpoint.Stack != stack)
        {
            problems.Add($"the state is of stack '{checkpoint.Stack}', not '{stack}'.");
        }

        if (checkpoint.Project != project)
        {
            problems.Add($"the state is of project '{checkpoint.Project}', not '{project}'.");
        }

        foreach (var duplicate in checkpoint.Resources.GroupBy(r => r.Id).Where(g => g.Count() > 1))
        {
            problems.Add($"the id {duplicate.Key} appears {duplicate.Count()} times.");
        }

        foreach (var duplicate in checkpoint.Resources.GroupBy(r => r.Urn).Where(g => g.Count() > 1))
        {
            problems.Add($"the URN {duplicate.Key} appears {duplicate.Count()} times.");
        }

        foreach (var r in checkpoint.Resources.Where(r => r.Urn.Stack != checkpoint.Stack || r.Urn.Project != checkpoint.Project))
        {
            problems.Add($"{r.Urn} does not belong to stack {checkpoint.Stack} of project {checkpoint.Project}.");
        }

        return problems;
    }
}
