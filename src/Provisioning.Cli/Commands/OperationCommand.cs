using System.CommandLine;
using Provisioning.Cli.Engine;
using Provisioning.Cli.Rendering;
using Provisioning.Cli.Rendering.Json;
using Provisioning.Cli.Rendering.Markdown;
using Provisioning.Diagnostics;
using Provisioning.Engine;
using Spectre.Console;

namespace Provisioning.Cli.Commands;

/// <summary>
/// Declares preview, up, destroy and refresh: the same options, a different verb of the engine
/// (<see cref="WorkspaceStack"/>). The command parses, runs, shows the result and picks the exit code; the engine decides everything else.
/// </summary>
internal static class OperationCommand
{
    /// <summary>Makes the command for one verb.</summary>
    public static Command Create(RunKind kind, CliConsole console, IProviderFactory providers)
    {
        var (name, description) = kind switch
        {
            RunKind.Preview => ("preview", "Show the PUTs and DELETEs that up would send. Changes nothing."),
            RunKind.Up => ("up", "Make ARM match the stack: PUT missing or changed mappings, DELETE removed ones."),
            RunKind.Refresh => ("refresh", "Read what exists in ARM into the state: record drifted properties, forget mappings that are gone. Sends no PUT or DELETE. With --expect-no-changes: only check (exit 3 on drift), write nothing."),
            _ => ("destroy", "DELETE every mapping the stack manages."),
        };
        var command = new Command(name, description);
        var options = new CommonOptions();
        options.AddTo(command, kind);
        command.SetAction((parse, cancellationToken) => RunAsync(
            kind,
            console,
            providers,
            options.Read(parse),
            options.ReadRendering(parse, Environment.GetEnvironmentVariable(MarkdownOutput.StepSummaryVariable)),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(RunKind kind, CliConsole console, IProviderFactory providers, OperationOptions options, RenderingOptions rendering, CancellationToken cancellationToken)
    {
        var observer = new CliObserver(console, options.Json, options.ShowSame, options.Diff, CliWorkspace.PhaseLog(providers))
        {
            ShowIds = rendering.ShowIds,
        };
        StackRunResult result;
        try
        {
            var stack = CliWorkspace.Open(options.Directory, providers, observer).Stack(options.Stack);
            var run = options.Run with { ContinuousIntegration = console.ContinuousIntegration };
            result = kind switch
            {
                RunKind.Preview => await stack.PreviewAsync(run, cancellationToken),
                RunKind.Up => await stack.UpAsync(run, cancellationToken),
                RunKind.Destroy => await stack.DestroyAsync(run, cancellationToken),
                _ => await stack.RefreshAsync(run, cancellationToken),
            };
        }
        catch (Exception e)
        {
            // The gate (CliApp) shows the diagnostics and picks the exit code: here only the JSON document and the Markdown
            // report say the run errored.
            if (e is not OperationCanceledException)
            {
                ShowErrored(console, kind, options, rendering, Failures.ToDiagnostics(e));
            }

            throw;
        }

        return Show(console, options, rendering, result);
    }

    /// <summary>With <c>--json</c>, the document of a run that stopped on an error; the Markdown report of it when one is asked for.</summary>
    private static void ShowErrored(CliConsole console, RunKind kind, OperationOptions options, RenderingOptions rendering, IReadOnlyList<Diagnostic> diagnostics)
    {
        if (options.Json)
        {
            PlanJson.Write(console.Out, PlanJson.Errored(kind, options.Stack, diagnostics, TimeProvider.System.GetUtcNow()));
        }

        MarkdownOutput.Write(console.Error, rendering, () => MarkdownReport.Errored(kind, options.Stack, diagnostics));
    }

    /// <summary>Shows how the run ended (with <c>--json</c> the document, with <c>--markdown</c> the report) and returns the exit code.</summary>
    private static int Show(CliConsole console, OperationOptions options, RenderingOptions rendering, StackRunResult result)
    {
        var human = options.Json ? console.Error : console.Out;
        if (result.SavedPlan is { } saved)
        {
            human.MarkupLineInterpolated($"Plan saved to {saved}: apply it with 'provision up --stack {result.Stack} --plan {saved}'.");
        }

        if (options.Json)
        {
            PlanJson.Write(console.Out, PlanJson.Build(result, TimeProvider.System.GetUtcNow()));
        }

        // Before a refusal is thrown to the gate: the report of a refused run lists the refusals.
        MarkdownOutput.Write(console.Error, rendering, () => MarkdownReport.Build(result));
        switch (result.Outcome)
        {
            case RunOutcome.Refused:
                throw new DiagnosticException(result.Diagnostics);
            case RunOutcome.ChangesPresent:
                if (result.Kind != RunKind.Refresh)
                {
                    console.Error.MarkupLine("[yellow]Changes are pending and --expect-no-changes was given.[/]");
                }

                return ExitCodes.ChangesPresent;
            case RunOutcome.Declined when result.Kind == RunKind.Refresh:
                console.Out.MarkupLine("Nothing was changed.");
                return ExitCodes.Ok;
            case RunOutcome.Declined:
                // As Terraform does: declining is not success, so a script that pipes a "no" stops.
                console.Out.MarkupLine("Declined: nothing was changed.");
                return ExitCodes.Failed;
            case RunOutcome.Cancelled:
                console.Error.MarkupLine("[yellow]Cancelled: steps in flight finished and the state was saved. Run again to finish.[/]");
                return ExitCodes.Cancelled;
            case RunOutcome.Failed:
                return ExitCodes.Failed;
        }

        if (result.Kind == RunKind.Refresh && result.Execution is { } written)
        {
            human.MarkupLineInterpolated($"[green]The state of {result.Stack} now records what Azure holds ({written.Checkpoint.Resources.Length} resources).[/]");
        }

        OutputsRenderer.Write(human, result.Outputs, result.Kind == RunKind.Preview);
        return ExitCodes.Ok;
    }
}
