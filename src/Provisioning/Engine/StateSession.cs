using Provisioning.Config;
using Provisioning.Diagnostics;
using Provisioning.Execution;
using Provisioning.Model;
using Provisioning.State;

namespace Provisioning.Engine;

/// <summary>
/// A stack's state for one command: the store its backend names (local files, or Azure Blob for
/// <c>azblob://</c>), the lock held for verbs that change the stack, and the checkpoint read under it,
/// with the pending operations of an interrupted run resolved once connected.
/// </summary>
internal sealed class StateSession : IAsyncDisposable
{
    private IAsyncDisposable? _lock;
    private StackDefinition? _stack;
    private WorkFolder? _folder;
    private EngineObserver _observer = EngineObserver.Silent;

    private StateSession(IStateStore store) => Store = store;

    /// <summary>Where the state lives, for messages: the state file, or the blob backend's url.</summary>
    public string Location { get; private init; } = "the state";

    /// <summary>The stack's state store.</summary>
    public IStateStore Store { get; }

    /// <summary>The checkpoint read (and, after <see cref="ResolvePendingAsync"/>, repaired).</summary>
    public Checkpoint Checkpoint { get; private set; } = null!;

    /// <summary>Opens the state: takes the lock when <paramref name="lockFor"/> names a verb (preview passes null), then reads the checkpoint.</summary>
    public static async Task<StateSession> OpenAsync(IStateBackend backend, EngineObserver observer, StackDefinition stack, WorkFolder folder, string? lockFor, Interner? interner, CancellationToken cancellationToken)
    {
        var session = await LockAsync(backend, observer, stack, folder, lockFor, cancellationToken);
        try
        {
            await session.ReadAsync(interner, cancellationToken);
        }
        catch
        {
            // A state refused by a diagnostic still releases the lock taken for it.
            await session.DisposeAsync();
            throw;
        }

        return session;
    }

    /// <summary>
    /// The first half of <see cref="OpenAsync"/>: the store, and the lock when <paramref name="lockFor"/> names a verb;
    /// <see cref="ReadAsync"/> reads the checkpoint next.
    /// </summary>
    public static async Task<StateSession> LockAsync(IStateBackend backend, EngineObserver observer, StackDefinition stack, WorkFolder folder, string? lockFor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(backend);
        ArgumentNullException.ThrowIfNull(observer);
        IStateStore store;
        try
        {
            store = backend.Open(stack, folder);
        }
        catch (FormatException e)
        {
            throw new DiagnosticException(DiagnosticCatalog.BackendInvalid(e.Message), e);
        }

        var session = new StateSession(store)
        {
            _observer = observer,
            _stack = stack,
            _folder = folder,
            Location = store is LocalFileStateStore ? folder.StatePath(stack.Project, stack.Stack) : stack.BackendUrl ?? "the state",
        };
        try
        {
            if (lockFor is not null && store is IStateLock lockable)
            {
                session._lock = await lockable.AcquireLockAsync(LockInfo.ForCurrentProcess(lockFor, TimeProvider.System), cancellationToken);
                if (store is LocalFileStateStore { TakenOverLock: { } stale })
                {
                    observer.OnMessage($"state: released the lock of a run that is no longer running ({stale}).", warning: false);
                }
            }

            return session;
        }
        catch (StackLockedException e)
        {
            await session.DisposeAsync();
            throw new DiagnosticException(DiagnosticCatalog.StackLocked(e.Message, stack.Stack, e.Holder?.Id), e);
        }
    }

    /// <summary>
    /// Reads the checkpoint (sharing values with <paramref name="interner"/> when given) into <see cref="Checkpoint"/>;
    /// a state that is invalid, of another stack, or names anything outside the stack's registrations is a <see cref="DiagnosticException"/>.
    /// </summary>
    public async Task ReadAsync(Interner? interner, CancellationToken cancellationToken)
    {
        var stack = _stack ?? throw new InvalidOperationException("The session was not opened.");
        try
        {
            var read = await Store.ReadAsync(interner, cancellationToken);
            if (read is null && Store is LocalFileStateStore && _folder is not null)
            {
                // No state for this project, but this stack's state under another project name in the same folder: the
                // project was renamed. Starting empty would silently forget every mapping the stack manages.
                var elsewhere = StateFiles.FindAll(_folder.ProjectDirectory, _folder.StateRoot).Where(s => s.Stack == stack.Stack && s.Project != stack.Project).Select(s => s.Path).ToList();
                if (elsewhere.Count > 0)
                {
                    throw new DiagnosticException(DiagnosticCatalog.StateNotFound(Location, stack.Stack, stack.Project, elsewhere, "Nothing was changed."));
                }
            }

            Checkpoint = read ?? Checkpoint.Empty(stack.Project, stack.Stack);

            // Blast radius: whatever the state or its journal says, nothing outside the stack's registrations is touched.
            var outside = stack.Scope.Check(
                Checkpoint.Resources.Select(r => (r.Id, (string?)r.Type)).Concat(Checkpoint.Pending.Select(p => (p.Resource.Id, (string?)p.Resource.Type))),
                SourceSpan.WholeFile(Location),
                "the state");
            if (outside.Count > 0)
            {
                throw new DiagnosticException(outside);
            }

            if (Store is IJournalStateStore { LastReadNote: { } note })
            {
                _observer.OnMessage($"state: {note}", warning: false);

                // A run killed after its last result but before its final compaction leaves the snapshot behind the
                // journal; a next run with nothing to do would never compact it. Under the lock, compact now.
                if (_lock is not null)
                {
                    await Store.WriteAsync(Checkpoint, cancellationToken);
                }
            }
        }
        catch (InvalidDataException e)
        {
            throw new DiagnosticException(DiagnosticCatalog.StateInvalid(Location, e.Message), e);
        }
    }

    /// <summary>
    /// Reads back the resources of operations an interrupted run left pending, prints one line per finding,
    /// and (when the lock is held) saves the repaired checkpoint; returns it.
    /// </summary>
    public async Task<Checkpoint> ResolvePendingAsync(IResourceProvider provider, CancellationToken cancellationToken)
    {
        if (Checkpoint.Pending.IsDefaultOrEmpty)
        {
            return Checkpoint;
        }

        var resolution = await PendingOperationResolver.ResolveAsync(provider, Checkpoint, cancellationToken: cancellationToken);
        foreach (var finding in resolution.Findings)
        {
            _observer.OnMessage(finding, warning: true);
        }

        Checkpoint = resolution.Checkpoint;
        if (_lock is not null)
        {
            await Store.WriteAsync(Checkpoint, cancellationToken);
        }

        return Checkpoint;
    }

    /// <summary>Releases the lock.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_lock is not null)
        {
            await _lock.DisposeAsync();
            _lock = null;
        }

        (Store as IDisposable)?.Dispose();
    }
}
