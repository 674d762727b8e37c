using System.CommandLine;
using Provisioning.Cli.Commands;
using Provisioning.Cli.Engine;
using Provisioning.Cli.Rendering;
using Provisioning.Diagnostics;
using Provisioning.Engine;
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

        root.Subcommands.Add(OperationCommand.Create(RunKind.Preview, console, providers));
        root.Subcommands.Add(OperationCommand.Create(RunKind.Up, console, providers));
        root.Subcommands.Add(OperationCommand.Create(RunKind.Destroy, console, providers));
        root.Subcommands.Add(OperationCommand.Create(RunKind.Refresh, console, providers));
        root.Subcommands.Add(ImportCommand.Create(console, providers));
        root.Subcommands.Add(InitCommand.Create(console, providers));
        root.Subcommands.Add(StackCommand.Create(console));
        root.Subcommands.Add(ExportCommand.Create(console));
        root.Subcommands.Add(CancelCommand.Create(console));
        root.Subcommands.Add(SchemaCommand.Create(console));
        root.Subcommands.Add(CompletionCommand.Create(console));
        ConnectionOptions.AddTo(root);
        return root;
    }

    /// <summary>Parses and runs with a token of the caller's; a cancelled run exits 130.</summary>
    public static Task<int> RunAsync(string[] args, CliConsole console, IProviderFactory providers, CancellationToken cancellationToken) =>
        RunAsync(args, console, providers, () => ExitCodes.Cancelled, cancellationToken);

    /// <summary>
    /// Parses and runs. This is the one gate between the run and the user: every failure becomes a catalogued
    /// diagnostic and an exit code chosen by <see cref="ExitCodes.For"/>; a stack trace is printed only with --verbose.
    /// </summary>
    public static async Task<int> RunAsync(string[] args, CliConsole console, IProviderFactory providers, Func<int> cancelledExitCode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(cancelledExitCode);
        var verbose = args.Contains("--verbose", StringComparer.Ordinal) || DefaultProviderFactory.VerboseFromEnvironment();
        return await GuardAsync(console, verbose, cancelledExitCode, async () =>
        {
            var root = Build(console, providers);
            var parse = root.Parse(args);
            if (parse.Errors.Count > 0)
            {
                return Report(console, [.. parse.Errors.Select(e => DiagnosticCatalog.InvalidFlag(e.Message))], "Run 'provision --help' for usage.");
            }

            ConnectionOptions.Apply(parse, console, providers);
            var output = new StringWriter();

            // ProcessTerminationTimeout = null: signals are handled once, at the top (ProcessSignals), not by the parser's host.
            var code = await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = output, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null }, cancellationToken);
            if (output.GetStringBuilder().Length > 0)
            {
                console.Out.Write(new Text(output.ToString()));
            }

            return code;
        }, cancellationToken);
    }

    /// <summary>
    /// The one gate between a run and the user: every failure becomes catalogued diagnostics and an exit code chosen by
    /// <see cref="ExitCodes.For"/>; a run stopped by a signal exits with <paramref name="cancelledExitCode"/>.
    /// </summary>
    internal static async Task<int> GuardAsync(CliConsole console, bool verbose, Func<int> cancelledExitCode, Func<Task<int>> run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(cancelledExitCode);
        ArgumentNullException.ThrowIfNull(run);
        try
        {
            // A run that stopped for a signal says which one (130 SIGINT, 143 SIGTERM), whatever verb it was.
            var code = await run();
            return code == ExitCodes.Cancelled ? cancelledExitCode() : code;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            console.Error.MarkupLine("[yellow]Cancelled: nothing new was started; every finished step is saved.[/]");
            return cancelledExitCode();
        }
        catch (Exception e) when (Failures.ToDiagnostics(e) is { } diagnostics)
        {
            if (verbose)
            {
                console.Error.WriteLine(e.ToString(), Style.Plain);
            }

            return Report(console, diagnostics, null);
        }
    }

    private static int Report(CliConsole console, IReadOnlyList<Diagnostic> diagnostics, string? hint)
    {
        foreach (var diagnostic in diagnostics)
        {
            DiagnosticRenderer.Write(console.Error, diagnostic);
        }

        // Bad input never half-applies: say so once, under the list.
        var inputErrors = diagnostics.Count(d => d.Level == Severity.Error && d.Origin == DiagnosticOrigin.Input);
        if (inputErrors > 0 && hint is null)
        {
            console.Error.MarkupLineInterpolated($"[red]{inputErrors} error(s): nothing was changed.[/]");
        }

        if (hint is not null)
        {
            console.Error.WriteLine(hint);
        }

        return ExitCodes.For(diagnostics);
    }
}
