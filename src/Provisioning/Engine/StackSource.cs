using Provisioning.Config;
using Provisioning.Diagnostics;

namespace Provisioning.Engine;

/// <summary>
/// The one place that turns (workspace, stack) into a validated <see cref="StackDefinition"/>: the YAML stack files, or for
/// a C# program (<c>runtime: dotnet</c>) the stack files' cloud and config, then the program — the workspace's inline
/// program, else the project's, built when its sources changed and run (<see cref="ProgramRunner"/>) — read and converted
/// with every domain rule. Every error is one <see cref="DiagnosticException"/> naming them all; warnings go to the
/// observer. Nothing is contacted.
/// </summary>
internal static class StackSource
{
    /// <summary>Loads the stack; a program is told <paramref name="preview"/> (<c>Deployment.Instance.IsDryRun</c>).</summary>
    public static async Task<SourcedStack> LoadAsync(Workspace workspace, string stack, bool preview, EngineObserver observer, CancellationToken cancellationToken)
    {
        var loaded = workspace.Options.StackFiles is { } files ? files(stack) : StackLoader.Load(workspace.Directory, stack);
        var sourced = loaded.HasErrors ? new SourcedStack(loaded, null)
            : workspace.Options.Program is { } inline ? await RunInlineAsync(workspace, loaded, inline, preview, cancellationToken).ConfigureAwait(false)
            : loaded.Program is null ? new SourcedStack(loaded, null)
            : await new ProgramRunner(observer.OnProgramOutput).RunAsync(workspace.Directory, loaded, preview, cancellationToken).ConfigureAwait(false);
        if (sourced.Loaded.HasErrors)
        {
            throw new DiagnosticException(sourced.Loaded.Diagnostics);
        }

        foreach (var warning in sourced.Loaded.Diagnostics)
        {
            observer.OnDiagnostic(warning);
        }

        return sourced;
    }

    private static Task<SourcedStack> RunInlineAsync(Workspace workspace, StackLoadResult loaded, InlineProgram program, bool preview, CancellationToken cancellationToken)
    {
        if (loaded.Program is null)
        {
            throw new DiagnosticException(DiagnosticCatalog.InlineProgramNeedsDotnet(SourceSpan.WholeFile(StackLoader.ProjectFileName)));
        }

        return ProgramRunner.RunInlineAsync(workspace.Directory, loaded, program, preview, cancellationToken);
    }
}
