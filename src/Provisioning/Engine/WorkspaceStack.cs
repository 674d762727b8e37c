using Provisioning.Config;
using Provisioning.State;

namespace Provisioning.Engine;

/// <summary>
/// One stack of a <see cref="Workspace"/> and the verbs that run it. Every run validates all input before anything is
/// contacted; a run that cannot start (invalid input, a locked or foreign state, an unreachable ARM) throws a
/// <see cref="Diagnostics.DiagnosticException"/> naming every problem, with nothing changed; otherwise the result says
/// how it ended.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "A stack is the domain's word (Pulumi's WorkspaceStack), not a collection.")]
public sealed class WorkspaceStack
{
    internal WorkspaceStack(Workspace workspace, string name)
    {
        Workspace = workspace;
        Name = name;
    }

    /// <summary>The workspace.</summary>
    public Workspace Workspace { get; }

    /// <summary>The stack's name.</summary>
    public string Name { get; }

    /// <summary>Shows what <see cref="UpAsync"/> would send. Changes nothing (but for <see cref="RunOptions.SavePlan"/>).</summary>
    public Task<StackRunResult> PreviewAsync(RunOptions? options = null, CancellationToken cancellationToken = default) =>
        new StackRun(this, options ?? new RunOptions()).RunAsync(RunKind.Preview, cancellationToken);

    /// <summary>Makes ARM match the stack: PUTs what is missing or changed, DELETEs what was removed, saving each step.</summary>
    public Task<StackRunResult> UpAsync(RunOptions? options = null, CancellationToken cancellationToken = default) =>
        new StackRun(this, options ?? new RunOptions()).RunAsync(RunKind.Up, cancellationToken);

    /// <summary>DELETEs every mapping the stack manages (those protected or retained excepted).</summary>
    public Task<StackRunResult> DestroyAsync(RunOptions? options = null, CancellationToken cancellationToken = default) =>
        new StackRun(this, options ?? new RunOptions()).RunAsync(RunKind.Destroy, cancellationToken);

    /// <summary>Reads what exists in ARM into the state (with <see cref="RunOptions.ExpectNoChanges"/>: only checks). Sends no PUT or DELETE.</summary>
    public Task<StackRunResult> RefreshAsync(RunOptions? options = null, CancellationToken cancellationToken = default) =>
        new RefreshRun(this, options ?? new RunOptions()).RunAsync(cancellationToken);

    /// <summary>Adopts the mappings that exist under the stack's registrations but not in its state. Sends no PUT or DELETE.</summary>
    public Task<StackRunResult> ImportAsync(ImportOptions? options = null, CancellationToken cancellationToken = default) =>
        new ImportRun(this, options ?? new ImportOptions()).RunAsync(cancellationToken);

    /// <summary>Reads and validates the stack (running its program, told it is a preview when <paramref name="preview"/>); contacts nothing.</summary>
    public async Task<StackDefinition> LoadAsync(bool preview = true, CancellationToken cancellationToken = default) =>
        (await LoadSourcedAsync(preview, cancellationToken).ConfigureAwait(false)).Loaded.Stack!;

    /// <summary>As <see cref="LoadAsync"/>, with a program's stack outputs (null for a YAML stack).</summary>
    public Task<SourcedStack> LoadSourcedAsync(bool preview = true, CancellationToken cancellationToken = default) =>
        StackSource.LoadAsync(Workspace, Name, preview, Workspace.Options.Observer, cancellationToken);

    /// <summary>
    /// The stack's state as every verb reads it (through its backend, bound to its project and stack, the journal
    /// replayed), without the lock; null when there is none. Only the stack files are read: no program runs.
    /// </summary>
    public async Task<Checkpoint?> ReadStateAsync(StackDefinition files, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        await using var state = await StateSession.LockAsync(Workspace.Options.StateBackend, Workspace.Options.Observer, files, Workspace.FolderOf(files), null, cancellationToken).ConfigureAwait(false);
        return await state.Store.ReadAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Replaces the stack's state with <paramref name="checkpoint"/> under the stack's lock, without reading the state it
    /// replaces (a damaged or format-1 state is what this is for); returns where it was written. The caller validated it.
    /// </summary>
    public async Task<string> ReplaceStateAsync(StackDefinition files, Checkpoint checkpoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(checkpoint);
        await using var state = await StateSession.LockAsync(Workspace.Options.StateBackend, Workspace.Options.Observer, files, Workspace.FolderOf(files), "stack import", cancellationToken).ConfigureAwait(false);
        await state.Store.WriteAsync(checkpoint, cancellationToken).ConfigureAwait(false);
        return state.Location;
    }

    /// <summary>
    /// Releases the lock a run left behind (only the lock of <paramref name="lockId"/> when given): the lock found (null
    /// when none, or when the backend has no lock) and the one released (null when another id holds it).
    /// </summary>
    public async Task<(bool Lockable, LockInfo? Holder, LockInfo? Released)> BreakLockAsync(StackDefinition files, string? lockId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        IStateStore store;
        try
        {
            store = Workspace.Options.StateBackend.Open(files, Workspace.FolderOf(files));
        }
        catch (FormatException e)
        {
            throw new Diagnostics.DiagnosticException(Diagnostics.DiagnosticCatalog.BackendInvalid(e.Message), e);
        }

        try
        {
            if (store is not IStateLock lockable)
            {
                return (false, null, null);
            }

            var holder = await lockable.ReadLockAsync(cancellationToken).ConfigureAwait(false);
            return holder is null ? (true, null, null) : (true, holder, await lockable.BreakLockAsync(lockId, cancellationToken).ConfigureAwait(false));
        }
        finally
        {
            (store as IDisposable)?.Dispose();
        }
    }
}
