using System.Globalization;

namespace Provisioning.State;

/// <summary>
/// Keeps a stack's state in local files: the snapshot <c>&lt;stack&gt;.json</c> (replaced atomically: write a
/// temporary file, flush it to disk, rename over the old one), the journal <c>&lt;stack&gt;.journal</c> (one
/// append and one flush per batch of records) and the lock <c>&lt;stack&gt;.lock</c>. Files are created readable
/// by their owner only.
/// </summary>
public sealed partial class LocalFileStateStore(string path) : IJournalStateStore, IStateLock, IDisposable
{
    private readonly SemaphoreSlim _journalGate = new(1, 1);
    private long? _journalLength;

    /// <summary>The snapshot's path.</summary>
    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <summary>The journal's path: the snapshot's with the extension <c>.journal</c>.</summary>
    public string JournalPath => System.IO.Path.ChangeExtension(Path, ".journal");

    /// <summary>The lock file's path: the snapshot's with the extension <c>.lock</c>.</summary>
    public string LockPath => System.IO.Path.ChangeExtension(Path, ".lock");

    /// <inheritdoc />
    public string? LastReadNote { get; private set; }

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
        var journal = await ReadJournalAsync(interner, cancellationToken);
        Checkpoint? snapshot = null;
        if (File.Exists(Path))
        {
            try
            {
                // The reader reads in its own slices: no stream buffer on top.
                await using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
                snapshot = CheckpointSerializer.Read(stream, Path, interner);
            }
            catch (InvalidDataException e)
            {
                throw new InvalidDataException(
                    $"{e.Message} It is not used. Recoverable: {RecoveryNote(journal)}; the emulator or Azure still holds the real mappings "
                    + "(restore the snapshot from a backup, or move it aside and run 'provision refresh'/'import' to rebuild it).",
                    e);
            }
        }

        if (journal.Records.Count == 0)
        {
            LastReadNote = journal.TornTail ? $"{JournalPath}: a torn last record (a write cut short) was ignored." : null;
            return snapshot;
        }

        if (snapshot is null)
        {
            throw new InvalidDataException($"{Path}: the snapshot is missing but the journal {JournalPath} holds {journal.Records.Count.ToString(CultureInfo.InvariantCulture)} record(s); restore the snapshot or move the journal aside.");
        }

        var replayed = journal.Records.Count(r => r.Sequence > snapshot.Sequence);
        LastReadNote = $"{JournalPath}: {replayed.ToString(CultureInfo.InvariantCulture)} record(s) replayed after the snapshot"
            + (journal.TornTail ? "; a torn last record (a write cut short) was ignored." : ".");
        return JournalReplay.Apply(snapshot, journal.Records);
    }

    /// <summary>Compacts: replaces the snapshot atomically with <paramref name="checkpoint"/> (which includes every record appended so far), then empties the journal.</summary>
    public async Task WriteAsync(Checkpoint checkpoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        var directory = System.IO.Path.GetDirectoryName(Path)!;
        Directory.CreateDirectory(directory);
        var temp = System.IO.Path.Combine(directory, $".{System.IO.Path.GetFileName(Path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
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
        catch
        {
            File.Delete(temp);
            throw;
        }

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

        var bytes = JournalSerializer.Encode(records);
        await _journalGate.WaitAsync(cancellationToken);
        try
        {
            _journalLength ??= (await ReadJournalAsync(null, cancellationToken)).ValidLength;
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(JournalPath)!);
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
        finally
        {
            _journalGate.Release();
        }
    }

    private async Task<JournalContent> ReadJournalAsync(Model.Interner? interner, CancellationToken cancellationToken)
    {
        if (!File.Exists(JournalPath))
        {
            return new JournalContent([], 0, TornTail: false);
        }

        var bytes = await File.ReadAllBytesAsync(JournalPath, cancellationToken);
        return JournalSerializer.Decode(bytes, JournalPath, interner);
    }

    private string RecoveryNote(JournalContent journal) =>
        $"journal intact: {journal.Records.Count.ToString(CultureInfo.InvariantCulture)} record(s) after the last good snapshot in {JournalPath}"
        + (journal.TornTail ? " (plus a torn last record)" : string.Empty);

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
