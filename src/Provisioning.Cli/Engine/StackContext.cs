using Provisioning.Diagnostics;
using Provisioning.Cli.Rendering;
using Provisioning.Config;
using Spectre.Console;

namespace Provisioning.Cli.Engine;

/// <summary>A validated stack with its work folder: what refresh and import start from, before they open its state.</summary>
internal sealed record StackContext(StackDefinition Stack, WorkFolder Folder)
{
    /// <summary>Loads and validates the stack; prints every problem and returns null on invalid input.</summary>
    public static StackContext? Load(CliConsole console, string directory, string stackName)
    {
        ArgumentNullException.ThrowIfNull(console);
        var loaded = StackSource.Load(console, directory, stackName, preview: false);
        foreach (var diagnostic in loaded.Diagnostics)
        {
            DiagnosticRenderer.Write(console.Error, diagnostic);
        }

        if (loaded.HasErrors)
        {
            console.Error.MarkupLineInterpolated($"[red]{loaded.Diagnostics.Count(d => d.Level == Severity.Error)} error(s): nothing was changed.[/]");
            return null;
        }

        return new StackContext(loaded.Stack!, WorkFolder.For(directory, loaded.Stack));
    }

    /// <summary>
    /// Opens the stack's state through its backend (see <see cref="StateSession"/>), locked for <paramref name="lockFor"/>
    /// unless null (a read-only check); the caller returns <see cref="StateSession.Failure"/> when it is set.
    /// </summary>
    public Task<StateSession> OpenStateAsync(CliConsole console, string? lockFor, CancellationToken cancellationToken) =>
        StateSession.OpenAsync(console, Stack, Folder, lockFor, cancellationToken);
}
