using System.CommandLine;
using Provisioning.Cli.Engine;

namespace Provisioning.Cli.Commands;

/// <summary>Declares <c>provision refresh</c>: read what exists in ARM into the state file and show the drift.</summary>
internal static class RefreshCommand
{
    /// <summary>Makes the command.</summary>
    public static Command Create(CliConsole console, IProviderFactory providers)
    {
        var command = new Command("refresh", "Read what exists in ARM into the state: record drifted properties, forget mappings that are gone. Sends no PUT or DELETE. With --expect-no-changes: only check (exit 3 on drift), write nothing.");
        var options = new CommonOptions();
        options.AddTo(command, OperationKind.Refresh);
        command.SetAction((parse, cancellationToken) => new RefreshOperation(console, providers).RunAsync(options.Read(parse), cancellationToken));
        return command;
    }
}
