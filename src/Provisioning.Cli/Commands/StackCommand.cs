using System.CommandLine;

namespace Provisioning.Cli.Commands;

/// <summary>Declares <c>provision stack</c>: <c>ls</c>, <c>export</c> and <c>import</c> of stacks and their state.</summary>
internal static class StackCommand
{
    /// <summary>Makes the command group.</summary>
    public static Command Create(CliConsole console) => new("stack", "Manage stacks: list them, export or import their state as JSON.")
    {
        StackLsCommand.Create(console),
        StackExportCommand.Create(console),
        StackImportCommand.Create(console),
    };

    /// <summary>The <c>--cwd</c> option every stack subcommand takes.</summary>
    public static Option<string> CwdOption() => new Option<string>("--cwd", "-C") { Description = "The project directory (where Pulumi.yaml is). Default: the current directory." }.MustBeExistingFolder();

    /// <summary>The directory a parsed <c>--cwd</c> names.</summary>
    public static string Directory(ParseResult parse, Option<string> cwd)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var value = parse.GetValue(cwd);
        return Path.GetFullPath(string.IsNullOrEmpty(value) ? System.IO.Directory.GetCurrentDirectory() : value);
    }
}
