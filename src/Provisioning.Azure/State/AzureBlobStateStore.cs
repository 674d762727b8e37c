using System.Globalization;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Provisioning.Diagnostics;
using Provisioning.Model;
using Provisioning.State;

namespace Provisioning.Azure.State;

/// <summary>
/// Keeps a stack's state in Azure Blob Storage: the snapshot <c>&lt;stack&gt;.json</c> (a block blob written with
/// ETag conditions, so a writer that lost the race fails rather than overwrites), the journal
/// <c>&lt;stack&gt;.journal</c> (an append blob; each batch one append at the expected position) and the lock
/// <c>&lt;stack&gt;.lock</c> (a blob lease, see <see cref="AcquireLockAsync"/>). Besides the state's own exceptions
/// (<see cref="InvalidDataException"/> for a corrupt state, <see cref="StackLockedException"/>), every failure is a
/// <see cref="Diagnostics.DiagnosticException"/> naming the account and container (PRV129, PRV130), after the storage
/// client's bounded retries; nothing else escapes but the caller's cancellation.
/// </summary>
public sealed partial class AzureBlobStateStore : IJournalStateStore, IStateLock
{
    /// <summary>The largest append the service accepts in one block (4 MiB).</summary>
    private const int MaxAppend = 4 * 1024 * 1024;

    private readonly BlockBlobClient _snapshot;
    private readonly AppendBlobClient _journal;
    private readonly BlobClient _lock;
    private readonly string _stack;
    private readonly StateIdentity _identity;
    private readonly TimeProvider _time;
    private ETag? _snapshotETag;
    private long? _journalLength;

    /// <summary>Creates the store for one stack in <paramref name="container"/>, under <paramref name="url"/>'s prefix.</summary>
    public AzureBlobStateStore(BlobContainerClient container, BlobBackendUrl url, string project, string stack, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(container);
        ArgumentNullException.ThrowIfNull(url);
        Container = container;
        _snapshot = container.GetBlockBlobClient(url.BlobName(project, stack, "json"));
        _journal = container.GetAppendBlobClient(url.BlobName(project, stack, "journal"));
        _lock = container.GetBlobClient(url.BlobName(project, stack, "lock"));
        _stack = stack;
        _identity = new StateIdentity(project, stack);
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The container holding the stack's blobs.</summary>
    public BlobContainerClient Container { get; }

    /// <inheritdoc />
    public string? LastReadNote { get; private set; }

    /// <inheritdoc />
    public Task<Checkpoint?> ReadAsync(CancellationToken cancellationToken = default) => ReadAsync(null, cancellationToken);

    /// <inheritdoc />
    public Task<Checkpoint?> ReadAsync(Interner? interner, CancellationToken cancellationToken = default) =>
        GuardAsync(() => ReadCoreAsync(interner, cancellationToken), "reading the state", cancellationToken);

    /// <summary>Compacts: replaces the snapshot (only if it is still the one this store read or wrote), then starts an empty journal.</summary>
    public Task WriteAsync(Checkpoint checkpoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        return GuardAsync(() => WriteCoreAsync(checkpoint, cancellationToken), "writing the state", cancellationToken);
    }

    /// <inheritdoc />
    public Task AppendAsync(IReadOnlyList<JournalRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        return GuardAsync(() => AppendCoreAsync(records, cancellationToken), "appending to the journal", cancellationToken);
    }

    private async Task<Checkpoint?> ReadCoreAsync(Interner? interner, CancellationToken cancellationToken)
    {
        LastReadNote = null;

        // Without the caller's interner, the journal and the snapshot still share one between them.
        interner ??= new Interner();
        await Container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        var journal = await ReadJournalAsync(interner, cancellationToken);
        Checkpoint? snapshot = null;
        try
        {
            var download = await _snapshot.DownloadContentAsync(cancellationToken);
            _snapshotETag = download.Value.Details.ETag;
            using var stream = download.Value.Content.ToStream();
            snapshot = CheckpointSerializer.Read(stream, _snapshot.Uri.AbsolutePath, _identity, interner);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            _snapshotETag = null;
        }
        catch (Provisioning.Diagnostics.DiagnosticException e) when (e.Diagnostics[0].Code is "PRV100" or "PRV101")
        {
            var d = e.Diagnostics[0];
            throw new Provisioning.Diagnostics.DiagnosticException(
                d with { Message = $"{d.Message} Recoverable: journal intact: {journal.Records.Count.ToString(CultureInfo.InvariantCulture)} record(s) after the last good snapshot." }, e);
        }

        if (journal.Records.Count == 0)
        {
            return snapshot;
        }

        if (snapshot is null)
        {
            throw new InvalidDataException($"{_snapshot.Uri.AbsolutePath}: the snapshot is missing but the journal holds {journal.Records.Count.ToString(CultureInfo.InvariantCulture)} record(s).");
        }

        LastReadNote = $"{_journal.Uri.AbsolutePath}: {journal.Records.Count(r => r.Sequence > snapshot.Sequence).ToString(CultureInfo.InvariantCulture)} record(s) replayed after the snapshot"
            + (journal.TornTail ? "; a torn last record was ignored." : ".");
        return JournalReplay.Apply(snapshot, journal.Records);
    }

    private async Task<bool> WriteCoreAsync(Checkpoint checkpoint, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        CheckpointSerializer.Write(buffer, checkpoint);
        buffer.Position = 0;
        var conditions = _snapshotETag is { } etag ? new BlobRequestConditions { IfMatch = etag } : new BlobRequestConditions { IfNoneMatch = ETag.All };
        try
        {
            var uploaded = await _snapshot.UploadAsync(buffer, new BlobUploadOptions { Conditions = conditions }, cancellationToken);
            _snapshotETag = uploaded.Value.ETag;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            throw new DiagnosticException(DiagnosticCatalog.BlobStateChangedByAnother(Backend, _stack, e.ErrorCode), e);
        }

        await _journal.CreateAsync(new AppendBlobCreateOptions(), cancellationToken);
        _journalLength = 0;
        return true;
    }

    private async Task<bool> AppendCoreAsync(IReadOnlyList<JournalRecord> records, CancellationToken cancellationToken)
    {
        if (records.Count == 0)
        {
            return true;
        }

        if (_journalLength is null)
        {
            await ReadJournalAsync(null, cancellationToken);
        }

        foreach (var chunk in Chunks(records))
        {
            try
            {
                await _journal.AppendBlockAsync(
                    new MemoryStream(chunk),
                    new AppendBlobAppendBlockOptions { Conditions = new AppendBlobRequestConditions { IfAppendPositionEqual = _journalLength } },
                    cancellationToken);
                _journalLength += chunk.Length;
            }
            catch (RequestFailedException e) when (e.Status is 404 or 412)
            {
                throw new DiagnosticException(DiagnosticCatalog.BlobStateChangedByAnother(Backend, _stack, e.ErrorCode), e);
            }
        }

        return true;
    }

    private async Task<JournalContent> ReadJournalAsync(Interner? interner, CancellationToken cancellationToken)
    {
        try
        {
            var download = await _journal.DownloadContentAsync(cancellationToken);
            var bytes = download.Value.Content.ToArray();
            var content = JournalSerializer.Decode(bytes, _journal.Uri.AbsolutePath, _identity, interner);
            if (content.TornTail)
            {
                // Appends are atomic, so a torn tail was written by hand; start a clean journal holding the intact records.
                await _journal.CreateAsync(new AppendBlobCreateOptions(), cancellationToken);
                if (content.ValidLength > 0)
                {
                    await _journal.AppendBlockAsync(new MemoryStream(bytes, 0, (int)content.ValidLength), cancellationToken: cancellationToken);
                }
            }

            _journalLength = content.ValidLength;
            return content;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            await _journal.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            _journalLength = 0;
            return new JournalContent([], 0, TornTail: false);
        }
    }

    /// <summary>The records encoded in appends of at most 4 MiB, cut between records.</summary>
    private IEnumerable<byte[]> Chunks(IReadOnlyList<JournalRecord> records)
    {
        using var chunk = new MemoryStream();
        foreach (var record in records)
        {
            var line = JournalSerializer.Encode(record, _identity);
            if (chunk.Length + line.Length > MaxAppend && chunk.Length > 0)
            {
                yield return chunk.ToArray();
                chunk.SetLength(0);
            }

            chunk.Write(line);
        }

        if (chunk.Length > 0)
        {
            yield return chunk.ToArray();
        }
    }
}
