using System.CommandLine;
using Provisioning.Azure.State;
using Provisioning.Config;
using Provisioning.Engine;
using Provisioning.State;

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

    /// <summary>
    /// A stack's state as every verb reads it, without the lock (bound to its project and stack, checksums verified, the
    /// journal replayed): through the backend its valid stack files name (<paramref name="files"/>), else from the local
    /// state file at <paramref name="localPath"/> of <paramref name="project"/>; null when there is none.
    /// </summary>
    public static async Task<Checkpoint?> ReadStateAsync(string directory, string stack, StackDefinition? files, string? localPath, string? project, CancellationToken cancellationToken)
    {
        if (files is not null)
        {
            return await new Workspace(directory, new WorkspaceOptions { StateBackend = AzureStateBackend.Instance }).Stack(stack).ReadStateAsync(files, cancellationToken);
        }

        if (localPath is null || project is null)
        {
            return null;
        }

        using var store = new LocalFileStateStore(localPath, new StateIdentity(project, stack));
        return await store.ReadAsync(cancellationToken);
    }
}
