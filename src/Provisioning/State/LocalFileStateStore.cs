using System.Globalization;
using Provisioning.Diagnostics;

namespace Provisioning.State;

/// <summary>
/// Keeps a stack's state in local files: the snapshot <c>&lt;stack&gt;.json</c> (replaced atomically: write a
/// temporary file, flush it to disk, rename over the old one), the journal <c>&lt;stack&gt;.journal</c> (one
/// append and one flush per batch of records) and the lock <c>&lt;stack&gt;.lock</c>. Files are created readable
/// by their owner only. Bound to a <see cref="StateIdentity"/>, it refuses a snapshot or journal record of any other
/// stack or project. Every failure is a <see cref="DiagnosticException"/>: content problems are the input's (PRV100–PRV105),
/// file-system problems the environment's (PRV106–PRV108).
/// </summary>
public sealed partial class LocalFileStateStore : IJournalStateStore, IStateLock, IDisposable
{
    private readonly SemaphoreSlim _journalGate = new(1, 1);
    private long? _journalLength;

    // The identity the journal is written with: the bound one, or (unbound) the snapshot's last read or written.
    private StateIdentity? _identity;

    /// <summary>
    /// A store bound to <paramref name="identity"/>: the snapshot, every journal record and every resource in them must
    /// belong to that project and stack. This is the store every command uses.
    /// </summary>
    public LocalFileStateStore(string path, StateIdentity identity)
        : this(path)
    {
        Identity = identity;
        _identity = identity;
    }

    /// <summary>
    /// A store that takes its identity from the snapshot it finds (tools, tests and benchmarks): the file must still be
    /// intact and the journal must belong to the same stack as the snapshot, but no particular stack is expected.
    /// </summary>
    public LocalFileStateStore(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Path = System.IO.Path.GetFullPath(path);
    }

    /// <summary>The project and stack this store is bound to, or null when it takes them from the snapshot.</summary>
    public StateIdentity? Identity { get; }

    /// <summary>The snapshot's path.</summary>
    public string Path { get; }

    /// <summary>The journal's path: the snapshot's with the extension <c>.journal</c>.</summary>
    public string JournalPath => System.IO.Path.ChangeExtension(Path, ".journal");

    /// <summary>The lock file's path: the snapshot's with the extension <c>.lock</c>.</summary>
    public string LockPath => System.IO.Path.ChangeExtension(Path, ".lock");

    /// <inheritdoc />
    public string? LastReadNote { get; private set; }

    private string Directory => System.IO.Path.GetDirectoryName(Path)!;

    /// <summary>Releases the journal's gate.</summary>
    public void Dispose() => _journalGate.Dispose();

    /// <inheritdoc />
    public Task<Checkpoint?> ReadAsync(CancellationToken cancellationToken = default) => ReadAsync(null, cancellationToken);

    /// <inheritdoc />
    public async Task<Checkpoint?> ReadAsync(Model.Interner? interner, CancellationToken cancellationToken = default)
    {
        LastReadNote = null;

        // Without the caller's interner, the journal and the snapshot still share one between them.
        interner ??= new Model.Interner();
        StateFileSystem.CheckFolder(Directory);
        var snapshot = ReadSnapshot(interner);
        var journalBytes = await StateFileSystem.ReadAllBytesOrNullAsync(JournalPath, "journal", cancellationToken);
        if (snapshot is null)
        {
            var lines = journalBytes is null ? 0 : StateFileSystem.CompleteLines(journalBytes);
            if (lines > 0)
            {
                throw new DiagnosticException(DiagnosticCatalog.SnapshotMissing(Path, JournalPath, lines));
            }

            return null;
        }

        var identity = StateIdentity.Of(snapshot);
        _identity = identity;
        if (journalBytes is null)
        {
            return snapshot;
        }

        var journal = JournalSerializer.Decode(journalBytes, JournalPath, identity, interner);
        if (journal.Records.Count == 0)
        {
            LastReadNote = journal.TornTail ? $"{JournalPath}: a torn last record (a write cut short) was ignored." : null;
            return snapshot;
        }

        var replayed = journal.Records.Count(r => r.Sequence > snapshot.Sequence);
        LastReadNote = $"{JournalPath}: {replayed.ToString(CultureInfo.InvariantCulture)} record(s) replayed after the snapshot"
            + (journal.TornTail ? "; a torn last record (a write cut short) was ignored." : ".");
        return JournalReplay.Apply(snapshot, journal.Records);
    }

    private Checkpoint? ReadSnapshot(Model.Interner interner)
    {
        if (!StateFileSystem.IsPresentFile(Path, "state file"))
        {
            return null;
        }

        try
        {
            // The reader reads in its own slices: no stream buffer on top.
            using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
            return Identity is { } expected
                ? CheckpointSerializer.Read(stream, Path, expected, interner)
                : CheckpointSerializer.Read(stream, Path, interner);
        }
        catch (DiagnosticException e) when (e.Diagnostics[0].Code is "PRV100" or "PRV101")
        {
            var d = e.Diagnostics[0];
            throw new DiagnosticException(d with { Message = $"{d.Message} {RecoveryNote()}" }, e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DiagnosticException(DiagnosticCatalog.StateIoFailed(Path, "read the state file", e.Message), e);
        }
    }

    /// <summary>Compacts: replaces the snapshot atomically with <paramref name="checkpoint"/> (which includes every record appended so far), then empties the journal.</summary>
    public async Task WriteAsync(Checkpoint checkpoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        var identity = StateIdentity.Of(checkpoint);
        if (Identity is { } bound)
        {
            // A foreign checkpoint in this stack's file would be refused by every later read: never write one.
            if (identity != bound)
            {
                throw new DiagnosticException(DiagnosticCatalog.ForeignWrite(Path, identity.ToString(), bound.ToString()));
            }

            StateIdentityCheck.Checkpoint(checkpoint, bound, Path, "state about to be written to");
        }

        StateFileSystem.EnsureFolder(Directory);
        StateFileSystem.IsPresentFile(Path, "state file");
        StateFileSystem.IsPresentFile(JournalPath, "journal");
        var temp = System.IO.Path.Combine(Directory, $".{System.IO.Path.GetFileName(Path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var stream = new FileStream(temp, OwnerOnly(FileMode.CreateNew)))
            {
                CheckpointSerializer.Write(stream, checkpoint);
                await stream.FlushAsync(cancellationToken);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, Path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            StateFileSystem.TryDelete(temp);
            throw new DiagnosticException(DiagnosticCatalog.StateIoFailed(Path, "write the state file", e.Message), e);
        }
        catch
        {
            StateFileSystem.TryDelete(temp);
            throw;
        }

        _identity = identity;

        // The snapshot names the last record it includes, so a crash before this truncation only
        // leaves records that the next read skips.
        await _journalGate.WaitAsync(cancellationToken);
        try
        {
            if (File.Exists(JournalPath))
            {
                await using var journal = new FileStream(JournalPath, OwnerOnly(FileMode.Open));
                journal.SetLength(0);
                journal.Flush(flushToDisk: true);
            }

            _journalLength = 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DiagnosticException(DiagnosticCatalog.StateIoFailed(JournalPath, "empty the journal", e.Message), e);
        }
        finally
        {
            _journalGate.Release();
        }
    }

    /// <inheritdoc />
    public async Task AppendAsync(IReadOnlyList<JournalRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count == 0)
        {
            return;
        }

        var identity = _identity ?? (await ReadAsync(cancellationToken) is { } snapshot
            ? StateIdentity.Of(snapshot)
            : throw new InvalidOperationException($"{Path}: an unbound store appends to the journal only once a snapshot was read or written."));
        var bytes = JournalSerializer.Encode(records, identity);
        await _journalGate.WaitAsync(cancellationToken);
        try
        {
            if (_journalLength is null)
            {
                var existing = await StateFileSystem.ReadAllBytesOrNullAsync(JournalPath, "journal", cancellationToken);
                _journalLength = existing is null ? 0 : JournalSerializer.Decode(existing, JournalPath, identity).ValidLength;
            }

            StateFileSystem.EnsureFolder(Directory);
            await using var journal = new FileStream(JournalPath, OwnerOnly(FileMode.OpenOrCreate));
            if (journal.Length != _journalLength)
            {
                // Drop a torn tail left by a crash, so new records start on a line of their own.
                journal.SetLength(_journalLength.Value);
            }

            journal.Seek(0, SeekOrigin.End);
            await journal.WriteAsync(bytes, cancellationToken);
            journal.Flush(flushToDisk: true);
            _journalLength += bytes.Length;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _journalLength = null;
            throw new DiagnosticException(DiagnosticCatalog.StateIoFailed(JournalPath, "append to the journal", e.Message), e);
        }
        finally
        {
            _journalGate.Release();
        }
    }

    private string RecoveryNote()
    {
        try
        {
            var lines = File.Exists(JournalPath) ? StateFileSystem.CompleteLines(File.ReadAllBytes(JournalPath)) : 0;
            var journal = lines == 0 ? string.Empty : $"the journal '{JournalPath}' holds {lines.ToString(CultureInfo.InvariantCulture)} record(s) written after the last good snapshot; ";
            return $"Recoverable: {journal}Azure (or the emulator) still holds the real mappings: restore the snapshot from a backup, or move it aside and run 'provision refresh' or 'provision import' to rebuild it.";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "Restore the snapshot from a backup, or move it aside and run 'provision refresh' or 'provision import' to rebuild it.";
        }
    }

    /// <summary>File options that create new files readable and writable by their owner only (0600).</summary>
    internal static FileStreamOptions OwnerOnly(FileMode mode)
    {
        var options = new FileStreamOptions { Mode = mode, Access = mode == FileMode.Open ? FileAccess.ReadWrite : FileAccess.Write, Share = FileShare.Read, BufferSize = 1 << 16 };
        if (mode != FileMode.Open && !OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return options;
    }
}
