using System.CommandLine;
using Provisioning.Engine;
using Provisioning.Cli.Rendering;
using Provisioning.Config;
using Provisioning.Diagnostics;
using Provisioning.State;
using Spectre.Console;

namespace Provisioning.Cli.Commands;

/// <summary>
/// Declares <c>provision stack export</c>: the stack's state as it stands — the snapshot with its journal replayed,
/// pending operations included — in the state file's format, to standard output or a file.
/// </summary>
internal static class StackExportCommand
{
    /// <summary>Makes the command.</summary>
    public static Command Create(CliConsole console)
    {
        var stack = new Option<string>("--stack", "-s") { Description = "The stack whose state to export.", Required = true };
        var file = new Option<string>("--file") { Description = "Write to this file instead of standard output." }.MustBeWritableFile();
        var cwd = StackCommand.CwdOption();
        var command = new Command("export", "Print the stack's state (snapshot and journal replayed) as JSON in the state file's format, or write it with --file.") { stack, file, cwd };
        command.SetAction((parse, ct) => RunAsync(console, StackCommand.Directory(parse, cwd), parse.GetValue(stack)!, parse.GetValue(file), ct));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, string directory, string stack, string? file, CancellationToken cancellationToken)
    {
        var found = StateFiles.FindAll(directory).Where(s => s.Stack == stack).ToList();

        // With a valid stack file, the state exported is the one every verb reads: its project's, through its backend.
        var definition = StackLoader.Load(directory, stack).Stack;
        var folder = WorkFolder.For(directory, definition);
        if (definition is null && found.Count != 1)
        {
            return Report(console, new DiagnosticException(DiagnosticCatalog.StateNotFound(folder.Root, stack, null, [.. found.Select(f => f.Path)])));
        }

        var identity = new StateIdentity(definition?.Project ?? found[0].Project, stack);
        byte[] bytes;
        try
        {
            // The replayed state, read like every command reads it: bound to its project and stack, checksums verified.
            var checkpoint = await StackCommand.ReadStateAsync(directory, stack, definition, definition is null ? found[0].Path : null, identity.Project, cancellationToken);
            if (checkpoint is null)
            {
                var elsewhere = found.Where(f => f.Project != identity.Project).Select(f => f.Path).ToList();
                throw new DiagnosticException(DiagnosticCatalog.StateNotFound(folder.StatePath(identity.Project, stack), stack, identity.Project, elsewhere));
            }

            using var buffer = new MemoryStream();
            CheckpointSerializer.Write(buffer, checkpoint);
            buffer.WriteByte((byte)'\n');
            bytes = buffer.ToArray();
        }
        catch (DiagnosticException e)
        {
            return Report(console, e);
        }

        if (string.IsNullOrEmpty(file))
        {
            var writer = console.Out.Profile.Out.Writer;
            await writer.WriteAsync(System.Text.Encoding.UTF8.GetString(bytes).AsMemory(), cancellationToken);
            await writer.FlushAsync(cancellationToken);
            return ExitCodes.Ok;
        }

        try
        {
            await File.WriteAllBytesAsync(file, bytes, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.Error.MarkupLineInterpolated($"[red]error:[/] cannot write '{file}': {e.Message} Nothing was exported.");
            return ExitCodes.InvalidInput;
        }

        console.Error.MarkupLineInterpolated($"Exported the state of stack {stack} to {file}.");
        return ExitCodes.Ok;
    }

    /// <summary>Prints the diagnostics and returns their exit code (environment 1, otherwise 2).</summary>
    internal static int Report(CliConsole console, DiagnosticException e)
    {
        foreach (var diagnostic in e.Diagnostics)
        {
            DiagnosticRenderer.Write(console.Error, diagnostic);
        }

        return ExitCodes.For(e.Diagnostics);
    }
}
