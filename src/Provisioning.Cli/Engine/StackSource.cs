using Provisioning.Config;

namespace Provisioning.Cli.Engine;

/// <summary>
/// The one place that turns (project folder, stack) into a validated <see cref="StackDefinition"/>: the YAML stack files,
/// or for a C# program (<c>runtime: dotnet</c>) the stack files' cloud and config, then build, run, read and convert
/// (<see cref="ProgramRunner"/>). Errors of the files are returned as the YAML loader returns them; a program's errors
/// are thrown as one <see cref="Diagnostics.DiagnosticException"/> for the CLI's gate. Nothing is contacted.
/// </summary>
internal static class StackSource
{
    /// <summary>Loads the stack; for a program, runs it (<paramref name="preview"/> is what it is told: <c>Deployment.Instance.IsDryRun</c>).</summary>
    public static async Task<StackLoadResult> LoadAsync(CliConsole console, string directory, string stack, bool preview, CancellationToken cancellationToken) =>
        (await LoadWithOutputsAsync(console, directory, stack, preview, cancellationToken).ConfigureAwait(false)).Loaded;

    /// <summary>As <see cref="LoadAsync"/>, with the stack outputs a program returned (null for a YAML stack).</summary>
    public static async Task<SourcedStack> LoadWithOutputsAsync(CliConsole console, string directory, string stack, bool preview, CancellationToken cancellationToken)
    {
        var loaded = StackLoader.Load(directory, stack);
        return loaded.HasErrors || loaded.Program is null
            ? new SourcedStack(loaded, null)
            : await new ProgramRunner(console).RunAsync(directory, loaded, preview, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The blocking form of <see cref="LoadAsync"/>, for commands that are not asynchronous.</summary>
    public static StackLoadResult Load(CliConsole console, string directory, string stack, bool preview) =>
        LoadAsync(console, directory, stack, preview, CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>
    /// Only the stack files (project, stack, backend), without running a program: for commands that touch the state's
    /// lock and nothing declared, so a program that does not build cannot keep its stack locked.
    /// </summary>
    public static StackLoadResult LoadFiles(string directory, string stack) => StackLoader.Load(directory, stack);
}
