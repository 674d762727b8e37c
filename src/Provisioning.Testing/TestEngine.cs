using Provisioning.Config;
using Provisioning.Engine;
using Provisioning.State;

namespace Provisioning.Testing;

/// <summary>
/// Runs a stack on the engine itself (<see cref="Workspace"/>), with its files given in memory, its state in a
/// <see cref="TestState"/> and the in-memory ARM as provider: the same run sequence as <c>provision</c>, no copy of it.
/// </summary>
internal static class TestEngine
{
    // A folder that is never created: the stack's files, state and ARM all live in memory.
    private static readonly string Nowhere = Path.Combine(Path.GetTempPath(), "provision-testing-in-memory");

    /// <summary>Runs <c>up --yes</c> (or a preview) of the stack <paramref name="files"/> describes, with an inline program when given.</summary>
    public static Task<StackRunResult> RunAsync(StackLoadResult files, TestState state, bool preview, InlineProgram? program, CancellationToken cancellationToken, EngineObserver? observer = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(state);
        var workspace = new Workspace(Nowhere, new WorkspaceOptions
        {
            StackFiles = _ => files,
            Program = program,
            Providers = new Providers(state.Provider),
            StateBackend = new Backend(state.Store),
            Observer = observer ?? EngineObserver.Silent,
        });
        var stack = workspace.Stack(files.Stack?.Stack ?? "stack");
        var options = new RunOptions { Yes = true };
        return preview ? stack.PreviewAsync(options, cancellationToken) : stack.UpAsync(options, cancellationToken);
    }

    /// <summary>Keeps the warnings a run meets, for the test result.</summary>
    internal sealed class Warnings : EngineObserver
    {
        public List<Diagnostics.Diagnostic> Found { get; } = [];

        public override void OnDiagnostic(Diagnostics.Diagnostic diagnostic) => Found.Add(diagnostic);
    }

    private sealed class Providers(InMemoryResourceProvider provider) : IProviderFactory
    {
        public Task<ProviderConnection> ConnectAsync(StackDefinition stack, WorkFolder folder, CancellationToken cancellationToken) =>
            Task.FromResult(new ProviderConnection(provider, "in-memory ARM"));
    }

    private sealed class Backend(InMemoryStateStore store) : IStateBackend
    {
        public IStateStore Open(StackDefinition stack, WorkFolder folder) => store;
    }
}
