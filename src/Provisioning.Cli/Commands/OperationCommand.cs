using System.CommandLine;
using Provisioning.Cli.Engine;

namespace Provisioning.Cli.Commands;

/// <summary>Declares preview, up and destroy: the same options and flow, a different verb.</summary>
internal static class OperationCommand
{
    /// <summary>Makes the command for one verb.</summary>
    public static Command Create(OperationKind kind, CliConsole console, IProviderFactory providers)
    {
        var (name, description) = kind switch
        {
            OperationKind.Preview => ("preview", "Show the PUTs and DELETEs that up would send. Changes nothing."),
            OperationKind.Up => ("up", "Make ARM match the stack: PUT missing or changed mappings, DELETE removed ones."),
            _ => ("destroy", "DELETE every mapping the stack manages."),
        };
        var command = new Command(name, description);
        var options = new CommonOptions();
        options.AddTo(command, kind);
        command.SetAction((parse, cancellationToken) =>
            new StackOperation(console, providers).RunAsync(kind, options.Read(parse), cancellationToken));
        return command;
    }
}
