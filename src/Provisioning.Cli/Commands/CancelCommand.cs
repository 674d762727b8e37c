using System.CommandLine;
using Provisioning.Azure.State;
using Provisioning.Cli.Rendering;
using Provisioning.Config;
using Provisioning.Engine;
using Spectre.Console;

namespace Provisioning.Cli.Commands;

/// <summary>
/// Declares <c>provision cancel</c>: releases the lock a run left behind when it died (killed, machine lost).
/// With <c>--force-unlock ID</c> only the lock of that id is released. Sends nothing to ARM.
/// </summary>
internal static class CancelCommand
{
    /// <summary>Makes the command.</summary>
    public static Command Create(CliConsole console)
    {
        var stack = new Option<string>("--stack", "-s") { Description = "The stack whose lock to release.", Required = true };
        var cwd = new Option<string>("--cwd", "-C") { Description = "Run as if started in this directory (where Pulumi.yaml is). Default: the current directory." }.MustBeExistingFolder();
        var lockId = new Option<string>("--force-unlock") { Description = "Release the lock only if it has this id (printed by the run that found the stack locked)." };
        var command = new Command("cancel", "Release the lock of a stack left by a run that is gone. Make sure no run is still going: it would then run unlocked.")
        {
            stack, cwd, lockId,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var directory = parse.GetValue(cwd);
            var root = Path.GetFullPath(string.IsNullOrEmpty(directory) ? Directory.GetCurrentDirectory() : directory);
            var loaded = StackLoader.Load(root, parse.GetValue(stack)!);
            return await RunAsync(console, new Workspace(root, new WorkspaceOptions { StateBackend = AzureStateBackend.Instance }), loaded, parse.GetValue(lockId), cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, Workspace workspace, StackLoadResult loaded, string? lockId, CancellationToken cancellationToken)
    {
        foreach (var diagnostic in loaded.Diagnostics)
        {
            DiagnosticRenderer.Write(console.Error, diagnostic);
        }

        if (loaded.HasErrors)
        {
            console.Error.MarkupLine("[red]The stack files have errors: no lock was released.[/]");
            return ExitCodes.InvalidInput;
        }

        var stack = loaded.Stack!;
        var (lockable, holder, released) = await workspace.Stack(stack.Stack).BreakLockAsync(stack, lockId, cancellationToken);
        if (!lockable)
        {
            console.Out.MarkupLineInterpolated($"The state backend of stack {stack.Stack} has no lock.");
            return ExitCodes.Ok;
        }

        if (holder is null)
        {
            console.Out.MarkupLineInterpolated($"Stack {stack.Stack} is not locked.");
            return ExitCodes.Ok;
        }

        if (released is null)
        {
            console.Error.MarkupLineInterpolated($"[red]error:[/] stack {stack.Stack} is locked with another id: {holder.Describe()}. Nothing was released.");
            return ExitCodes.Failed;
        }

        console.Out.MarkupLineInterpolated($"Released the lock of stack {stack.Stack}: {released.Describe()}.");
        return ExitCodes.Ok;
    }
}
