using Provisioning.AzureStack;
using Provisioning.Config;
using Provisioning.Diagnostics;
using Provisioning.Execution;
using Provisioning.Model;
using Provisioning.State;

namespace Provisioning.Engine;

/// <summary>
/// The start that refresh and import share: the stack read and validated, the confirmation checked, the state opened
/// (locked when the run writes it), ARM connected, pending operations resolved, and then what Azure holds listed.
/// </summary>
internal sealed class StateRun : IAsyncDisposable
{
    private readonly EngineObserver _observer;

    private StateRun(EngineObserver observer, StackDefinition definition, StateSession state, ProviderConnection connection, Checkpoint checkpoint)
    {
        _observer = observer;
        Definition = definition;
        State = state;
        Connection = connection;
        Checkpoint = checkpoint;
    }

    public StackDefinition Definition { get; }

    public StateSession State { get; }

    public ProviderConnection Connection { get; }

    /// <summary>The state, with what an interrupted run left pending resolved.</summary>
    public Checkpoint Checkpoint { get; }

    /// <summary>
    /// Opens the run of <paramref name="kind"/>; <paramref name="writes"/> takes the lock and, without <paramref name="yes"/>,
    /// needs an observer that can ask (<paramref name="what"/> says what is confirmed: "writes the state").
    /// </summary>
    public static async Task<StateRun> OpenAsync(WorkspaceStack stack, RunKind kind, bool writes, bool yes, string what, Interner? interner, CancellationToken cancellationToken)
    {
        var workspace = stack.Workspace;
        var observer = workspace.Options.Observer;
        var definition = await stack.LoadAsync(preview: false, cancellationToken).ConfigureAwait(false);
        var verb = StackRun.Verb(kind);
        if (writes && !yes && !observer.CanConfirm)
        {
            throw new DiagnosticException(DiagnosticCatalog.ConfirmationNeeded(verb, what));
        }

        var folder = workspace.FolderOf(definition);
        var state = await StateSession.OpenAsync(workspace.Options.StateBackend, observer, definition, folder, writes ? verb : null, interner, cancellationToken).ConfigureAwait(false);
        try
        {
            var connection = await workspace.Providers.ConnectAsync(definition, folder, cancellationToken).ConfigureAwait(false);
            try
            {
                observer.OnStart(kind, definition, connection.Endpoint);
                var checkpoint = await state.ResolvePendingAsync(connection.Provider, cancellationToken).ConfigureAwait(false);
                return new StateRun(observer, definition, state, connection, checkpoint);
            }
            catch
            {
                await connection.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }
        catch
        {
            await state.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Lists the customer subscriptions under <paramref name="parents"/>, shown by the observer as it goes.</summary>
    public Task<RefreshResult> ListAsync(IEnumerable<ArmResourceId> parents, Interner? interner, CancellationToken cancellationToken) =>
        _observer.RefreshingAsync(progress =>
            Refresher.RefreshAsync(Connection.Provider, parents, TenantRegistration.ChildTypeSegment, TenantRegistration.ApiVersion, interner: interner, progress: progress, cancellationToken: cancellationToken));

    public async ValueTask DisposeAsync()
    {
        await Connection.DisposeAsync().ConfigureAwait(false);
        await State.DisposeAsync().ConfigureAwait(false);
    }
}
