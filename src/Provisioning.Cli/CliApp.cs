using System.CommandLine;
using Provisioning.Cli.Commands;
using Provisioning.Cli.Engine;
using Spectre.Console;

namespace Provisioning.Cli;

/// <summary>The <c>provision</c> command tree, composed with an injected console and provider factory.</summary>
internal static class CliApp
{
    /// <summary>Builds the root command.</summary>
    public static RootCommand Build(CliConsole console, IProviderFactory providers)
    {
        var root = new RootCommand($"""
            provision keeps the tenant registrations (customerSubscriptions) of Azure Stack stamps in a desired state,
            declared in Pulumi.yaml and Pulumi.<stack>.yaml.

            {ExitCodes.HelpText}
            """);
        foreach (var version in root.Options.OfType<VersionOption>())
        {
            version.Action = new ProductVersionAction();
        }

        root.Subcommands.Add(OperationCommand.Create(OperationKind.Preview, console, providers));
        root.Subcommands.Add(OperationCommand.Create(OperationKind.Up, console, providers));
        root.Subcommands.Add(OperationCommand.Create(OperationKind.Destroy, console, providers));
        root.Subcommands.Add(RefreshCommand.Create(console, providers));
        root.Subcommands.Add(ImportCommand.Create(console, providers));
        root.Subcommands.Add(StackCommand.Create(console));
        root.Subcommands.Add(ExportCommand.Create(console));
        root.Subcommands.Add(CancelCommand.Create(console));
        ConnectionOptions.AddTo(root);
        return root;
    }

    /// <summary>Parses and runs; parse errors exit 2, unexpected failures exit 1 with one line on stderr.</summary>
    public static async Task<int> RunAsync(string[] args, CliConsole console, IProviderFactory providers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(console);
        var root = Build(console, providers);
        var parse = root.Parse(args);
        var output = new StringWriter();
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                console.Error.MarkupLineInterpolated($"[red]error:[/] {error.Message}");
            }

            console.Error.WriteLine("Run 'provision --help' for usage.");
            return ExitCodes.InvalidInput;
        }

        ConnectionOptions.Apply(parse, console, providers);
        try
        {
            var code = await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = output, EnableDefaultExceptionHandler = false }, cancellationToken);
            if (output.GetStringBuilder().Length > 0)
            {
                console.Out.Write(new Text(output.ToString()));
            }

            return code;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            console.Error.MarkupLine("[yellow]Cancelled.[/]");
            return ExitCodes.Cancelled;
        }
        catch (Execution.ResourceProviderException e)
        {
            console.Error.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
            return ExitCodes.Failed;
        }
    }
}
