using Provisioning.Cli.Rendering;
using Provisioning.Config;
using Provisioning.State;
using Spectre.Console;

namespace Provisioning.Cli.Engine;

/// <summary>A validated stack with its work folder, state store and recorded checkpoint: what refresh and import start from.</summary>
internal sealed record StackContext(StackDefinition Stack, WorkFolder Folder, LocalFileStateStore Store, Checkpoint Checkpoint)
{
    /// <summary>Loads and validates the stack and reads its state; prints every problem and returns null on invalid input.</summary>
    public static async Task<StackContext?> LoadAsync(CliConsole console, string directory, string stackName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(console);
        var loaded = StackLoader.Load(directory, stackName);
        foreach (var diagnostic in loaded.Diagnostics)
        {
            DiagnosticRenderer.Write(console.Error, diagnostic);
        }

        if (loaded.HasErrors)
        {
            console.Error.MarkupLineInterpolated($"[red]{loaded.Diagnostics.Count(d => d.Level == Severity.Error)} error(s): nothing was changed.[/]");
            return null;
        }

        var stack = loaded.Stack!;
        var folder = new WorkFolder(directory);
        var store = new LocalFileStateStore(folder.StatePath(stack.Project, stack.Stack));
        try
        {
            var checkpoint = await store.ReadAsync(cancellationToken) ?? Checkpoint.Empty(stack.Project, stack.Stack);
            return new StackContext(stack, folder, store, checkpoint);
        }
        catch (InvalidDataException e)
        {
            console.Error.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
            return null;
        }
    }
}
