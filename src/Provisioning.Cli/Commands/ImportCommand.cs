using System.CommandLine;
using Provisioning.Cli.Engine;

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
        var command = new Command("import", "Adopt the mappings that exist in ARM under the stack's registrations but are not in its state; print (or --out FILE) the stack-file entries for them. Sends no PUT or DELETE.")
        {
            stack, cwd, yes, output,
        };
        command.SetAction((parse, ct) => new ImportOperation(console, providers).RunAsync(StackCommand.Directory(parse, cwd), parse.GetValue(stack)!, parse.GetValue(yes), parse.GetValue(output), ct));
        return command;
    }
}
