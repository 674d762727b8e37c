using System.CommandLine;
using Provisioning.Cli.Engine;
using Spectre.Console;

namespace Provisioning.Cli.Commands;

/// <summary>Declares <c>provision stack export</c>: the stack's state (checkpoint) as JSON, to standard output or a file.</summary>
internal static class StackExportCommand
{
    /// <summary>Makes the command.</summary>
    public static Command Create(CliConsole console)
    {
        var stack = new Option<string>("--stack", "-s") { Description = "The stack whose state to export.", Required = true };
        var file = new Option<string>("--file") { Description = "Write to this file instead of standard output." }.MustBeWritableFile();
        var cwd = StackCommand.CwdOption();
        var command = new Command("export", "Print the stack's state as JSON (the state file's format), or write it with --file.") { stack, file, cwd };
        command.SetAction(parse => Run(console, StackCommand.Directory(parse, cwd), parse.GetValue(stack)!, parse.GetValue(file)));
        return command;
    }

    private static int Run(CliConsole console, string directory, string stack, string? file)
    {
        var found = StateFiles.FindAll(directory).Where(s => s.Stack == stack).ToList();
        if (found.Count != 1)
        {
            console.Error.MarkupLineInterpolated($"[red]error:[/] {(found.Count == 0 ? $"stack '{stack}' has no state in {directory} (run up first)" : $"stack '{stack}' has state in {found.Count} projects")}.");
            return ExitCodes.InvalidInput;
        }

        var text = File.ReadAllText(found[0].Path);
        if (string.IsNullOrEmpty(file))
        {
            console.Out.Profile.Out.Writer.Write(text.EndsWith('\n') ? text : text + "\n");
            console.Out.Profile.Out.Writer.Flush();
        }
        else
        {
            File.WriteAllText(file, text);
            console.Error.MarkupLineInterpolated($"Exported the state of stack {stack} to {file}.");
        }

        return ExitCodes.Ok;
    }
}
