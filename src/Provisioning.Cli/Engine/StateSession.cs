using Provisioning.Azure.State;
using Provisioning.Config;
using Provisioning.Execution;
using Provisioning.Model;
using Provisioning.State;
using Spectre.Console;

namespace Provisioning.Cli.Engine;

/// <summary>
/// A stack's state for one command: the store its backend names (local files, or Azure Blob for
/// <c>azblob://</c>), the lock held for verbs that change the stack, and the checkpoint read under it,
/// with the pending operations of an interrupted run resolved once connected.
/// </summary>
internal sealed class StateSession : IAsyncDisposable
{
    private IAsyncDisposable? _lock;

    private StateSession(IStateStore store) => Store = store;

    /// <summary>The stack's state store.</summary>
    public IStateStore Store { get; }

    /// <summary>The checkpoint read (and, after <see cref="ResolvePendingAsync"/>, repaired).</summary>
    public Checkpoint Checkpoint { get; private set; } = null!;

    /// <summary>Set when the session could not be opened: the exit code, the reason already written.</summary>
    public int? Failure { get; private init; }

    /// <summary>The store of a stack: Azure Blob for an <c>azblob://</c> backend, local files in the work folder otherwise.</summary>
    public static IStateStore CreateStore(StackDefinition stack, WorkFolder folder)
    {
        ArgumentNullException.ThrowIfNull(stack);
        ArgumentNullException.ThrowIfNull(folder);
        return stack.BackendUrl is { } url && url.StartsWith(BlobBackendUrl.Scheme + "://", StringComparison.OrdinalIgnoreCase)
            ? BlobStateStores.Create(url, stack.Project, stack.Stack, Environment.GetEnvironmentVariable(BlobStateStores.ConnectionStringVariable))
            : new LocalFileStateStore(folder.StatePath(stack.Project, stack.Stack));
    }

    /// <summary>Opens the state: takes the lock when <paramref name="lockFor"/> names a verb (preview passes null), then reads the checkpoint.</summary>
    public static Task<StateSession> OpenAsync(CliConsole console, StackDefinition stack, WorkFolder folder, string? lockFor, CancellationToken cancellationToken) =>
        OpenAsync(console, stack, folder, lockFor, null, cancellationToken);

    /// <summary>Opens the state as <see cref="OpenAsync(CliConsole, StackDefinition, WorkFolder, string?, CancellationToken)"/>, sharing values with <paramref name="interner"/>.</summary>
    public static async Task<StateSession> OpenAsync(CliConsole console, StackDefinition stack, WorkFolder folder, string? lockFor, Interner? interner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(console);
        IStateStore store;
        try
        {
            store = CreateStore(stack, folder);
        }
        catch (FormatException e)
        {
            console.Error.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
            return new StateSession(new LocalFileStateStore(folder.StatePath(stack.Project, stack.Stack))) { Failure = ExitCodes.InvalidInput };
        }

        var session = new StateSession(store);
        try
        {
            if (lockFor is not null && store is IStateLock lockable)
            {
                session._lock = await lockable.AcquireLockAsync(LockInfo.ForCurrentProcess(lockFor, TimeProvider.System), cancellationToken);
                if (store is LocalFileStateStore { TakenOverLock: { } stale })
                {
                    console.Error.MarkupLineInterpolated($"state: released the lock of a run that is no longer running ({stale}).");
                }
            }

            session.Checkpoint = await store.ReadAsync(interner, cancellationToken) ?? Checkpoint.Empty(stack.Project, stack.Stack);
            if (store is IJournalStateStore { LastReadNote: { } note })
            {
                console.Error.MarkupLineInterpolated($"state: {note}");

                // A run killed after its last result but before its final compaction leaves the snapshot behind the
                // journal; a next run with nothing to do would never compact it. Under the lock, compact now.
                if (session._lock is not null)
                {
                    await store.WriteAsync(session.Checkpoint, cancellationToken);
                }
            }

            return session;
        }
        catch (StackLockedException e)
        {
            console.Error.MarkupLineInterpolated($"[red]error:[/] {e.Message} Nothing was changed. If that run is gone, release the lock with 'provision cancel --stack {stack.Stack}{(e.Holder is null ? string.Empty : " --force-unlock " + e.Holder.Id)}'.");
            await session.DisposeAsync();
            return new StateSession(store) { Failure = ExitCodes.Locked };
        }
        catch (InvalidDataException e)
        {
            console.Error.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
            await session.DisposeAsync();
            return new StateSession(store) { Failure = ExitCodes.InvalidInput };
        }
    }

    /// <summary>
    /// Reads back the resources of operations an interrupted run left pending, prints one line per finding,
    /// and (when the lock is held) saves the repaired checkpoint; returns it.
    /// </summary>
    public async Task<Checkpoint> ResolvePendingAsync(CliConsole console, IResourceProvider provider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(console);
        if (Checkpoint.Pending.IsDefaultOrEmpty)
        {
            return Checkpoint;
        }

        var resolution = await PendingOperationResolver.ResolveAsync(provider, Checkpoint, cancellationToken: cancellationToken);
        foreach (var finding in resolution.Findings)
        {
            console.Error.MarkupLineInterpolated($"[yellow]{finding}[/]");
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
