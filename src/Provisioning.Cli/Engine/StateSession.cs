using Provisioning.Azure.State;
using Provisioning.Cli.Rendering;
using Provisioning.Config;
using Provisioning.Diagnostics;
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
    private StackDefinition? _stack;
    private WorkFolder? _folder;

    private StateSession(IStateStore store) => Store = store;

    /// <summary>Where the state lives, for messages: the state file, or the blob backend's url.</summary>
    public string Location { get; private init; } = "the state";

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
            : new LocalFileStateStore(folder.StatePath(stack.Project, stack.Stack), new StateIdentity(stack.Project, stack.Stack));
    }

    /// <summary>Opens the state: takes the lock when <paramref name="lockFor"/> names a verb (preview passes null), then reads the checkpoint.</summary>
    public static async Task<StateSession> OpenAsync(CliConsole console, StackDefinition stack, WorkFolder folder, string? lockFor, CancellationToken cancellationToken)
    {
        var session = await LockAsync(console, stack, folder, lockFor, cancellationToken);
        try
        {
            if (session.Failure is null && await session.ReadAsync(console, null, cancellationToken) is { } failure)
            {
                await session.DisposeAsync();
                return new StateSession(session.Store) { Failure = failure };
            }
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
    public static async Task<StateSession> LockAsync(CliConsole console, StackDefinition stack, WorkFolder folder, string? lockFor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(console);
        IStateStore store;
        try
        {
            store = CreateStore(stack, folder);
        }
        catch (FormatException e)
        {
            throw new DiagnosticException(DiagnosticCatalog.BackendInvalid(e.Message), e);
        }

        var session = new StateSession(store)
        {
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
                    console.Error.MarkupLineInterpolated($"state: released the lock of a run that is no longer running ({stale}).");
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
    /// returns the exit code after writing the reason when the state is invalid, else null.
    /// </summary>
    public async Task<int?> ReadAsync(CliConsole console, Interner? interner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(console);
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
                foreach (var diagnostic in outside)
                {
                    DiagnosticRenderer.Write(console.Error, diagnostic);
                }

                return ExitCodes.For(outside);
            }
            if (Store is IJournalStateStore { LastReadNote: { } note })
            {
                console.Error.MarkupLineInterpolated($"state: {note}");

                // A run killed after its last result but before its final compaction leaves the snapshot behind the
                // journal; a next run with nothing to do would never compact it. Under the lock, compact now.
                if (_lock is not null)
                {
                    await Store.WriteAsync(Checkpoint, cancellationToken);
                }
            }

            return null;
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
