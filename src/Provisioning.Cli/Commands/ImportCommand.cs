using System.CommandLine;
using Provisioning.Cli.Engine;
using Provisioning.Cli.Rendering;
using Provisioning.Engine;
using Spectre.Console;

namespace Provisioning.Cli.Commands;

/// <summary>Declares <c>provision import</c>: adopt existing mappings into the state and print their stack-file entries.</summary>
internal static class ImportCommand
{
    /// <summary>Makes the command.</summary>
    public static Command Create(CliConsole console, IProviderFactory providers)
    {
        var stack = new Option<string>("--stack", "-s") { Description = "The stack to import into (reads Pulumi.<stack>.yaml).", Required = true };
        var cwd = StackCommand.CwdOption();
        var yes = new Option<bool>("--yes", "-y") { Description = "Import without asking. Required when not on an interactive terminal." };
        var output = new Option<string>("--out", "-o") { Description = "Write the stack-file YAML entries to this file instead of standard output." }.MustBeWritableFile();
        var write = new Option<bool>("--write") { Description = "Add the entries to the stack file itself, in place (comments, order and formatting kept), before the state is written." };
        write.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<bool>() && result.GetResult(output) is not null)
            {
                result.AddError("--write adds the entries to the stack file and --out writes them to another file; give one of them.");
            }
        });
        var command = new Command("import", "Adopt the mappings that exist in ARM under the stack's registrations but are not in its state; print (or --out FILE) the stack-file entries for them, or add them to the stack file (--write). Sends no PUT or DELETE.")
        {
            stack, cwd, yes, output, write,
        };
        command.SetAction((parse, ct) => RunAsync(console, providers, StackCommand.Directory(parse, cwd), parse.GetValue(stack)!, new ImportOptions { Yes = parse.GetValue(yes), OutFile = parse.GetValue(output) }, parse.GetValue(write), ct));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, IProviderFactory providers, string directory, string stackName, ImportOptions options, bool write, CancellationToken cancellationToken)
    {
        // Standard output carries the stack-file entries: everything for people goes to standard error.
        var shown = new CliObserver(console, json: false, phaseLog: CliWorkspace.PhaseLog(providers)) { HumanOnStandardError = true };
        var writing = write ? new StackFileWritingObserver(shown, directory, options.Yes) : null;

        // With --write the run always asks: the answer (--yes, or the person's) is when the stack file is edited.
        var result = await CliWorkspace.Open(directory, providers, writing ?? (EngineObserver)shown).Stack(stackName).ImportAsync(writing is null ? options : options with { Yes = false }, cancellationToken);
        if (result.Outcome == RunOutcome.Declined)
        {
            console.Error.MarkupLine("Nothing was changed.");
            return ExitCodes.Ok;
        }

        if (result.Imported.Count == 0)
        {
            console.Error.MarkupLine("Nothing to import: every mapping under the stack's registrations is already in its state or in another stack.");
            return ExitCodes.Ok;
        }

        console.Error.MarkupLineInterpolated($"[green]Imported {result.Imported.Count} mapping(s) into the state of {result.Stack}.[/]");
        if (writing is not null)
        {
            if (writing.Written > 0)
            {
                console.Error.MarkupLineInterpolated($"Added {result.Undeclared} mapping(s) of {writing.Written} tenant(s) to {Config.StackLoader.StackFileName(result.Stack)}.");
            }

            return ExitCodes.Ok;
        }

        if (result.ImportedEntries is not { } yaml)
        {
            return ExitCodes.Ok;
        }

        if (string.IsNullOrEmpty(options.OutFile))
        {
            console.Out.Profile.Out.Writer.Write(yaml);
            console.Out.Profile.Out.Writer.Flush();
        }
        else
        {
            console.Error.MarkupLineInterpolated($"Wrote the stack-file entries to {options.OutFile}.");
        }

        console.Error.MarkupLineInterpolated($"[yellow]warning:[/] {result.Undeclared} imported mapping(s) are not in {result.Stack}'s stack file yet: add the entries above, or the next up will delete them.");
        return ExitCodes.Ok;
    }
}
