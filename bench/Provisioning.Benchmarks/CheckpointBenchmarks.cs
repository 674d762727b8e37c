using BenchmarkDotNet.Attributes;
using Provisioning.AzureStack;
using Provisioning.Model;
using Provisioning.State;

namespace Provisioning.Benchmarks;

/// <summary>
/// Writing and reading a checkpoint of 100,000 mappings (50 registrations × 2,000 tenants, the shape of P1): in memory
/// (the snapshot compaction cost and the parse alone), and through <see cref="LocalFileStateStore.ReadAsync(Interner?, CancellationToken)"/>
/// from a file, as a preview reads its state, with and without an interner seeded from the desired graph.
/// </summary>
[MemoryDiagnoser]
public class CheckpointBenchmarks
{
    private Checkpoint _checkpoint = null!;
    private byte[] _json = [];
    private Interner _interner = null!;
    private string _directory = null!;
    private LocalFileStateStore _store = null!;

    [GlobalSetup]
    public void Setup()
    {
        var graph = (BenchStacks.Create(50, 2_000)).Expand();
        _interner = Interner.From(graph);
        _checkpoint = new Checkpoint("bench", "bench", DateTimeOffset.UnixEpoch, [.. graph.Resources.Select(r => ResourceState.From(r))]);
        using var stream = new MemoryStream();
        CheckpointSerializer.Write(stream, _checkpoint);
        _json = stream.ToArray();
        _directory = Directory.CreateTempSubdirectory("provision-checkpoint-bench-").FullName;
        _store = new LocalFileStateStore(Path.Combine(_directory, "bench.json"));
        _store.WriteAsync(_checkpoint).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _store.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark]
    public long Write()
    {
        using var stream = new MemoryStream(_json.Length);
        CheckpointSerializer.Write(stream, _checkpoint);
        return stream.Length;
    }

    [Benchmark]
    public int Read() => CheckpointSerializer.Read(new MemoryStream(_json), "bench").Resources.Length;

    /// <summary>As a preview reads it: every value equal to a desired one is shared, not allocated.</summary>
    [Benchmark]
    public int ReadSharingWithDesired() => CheckpointSerializer.Read(new MemoryStream(_json), "bench", _interner).Resources.Length;

    /// <summary>The store's read of the snapshot file (and its empty journal), each value its own.</summary>
    [Benchmark]
    public async Task<int> StoreRead() => (await _store.ReadAsync())!.Resources.Length;

    /// <summary>The store's read as a preview does it, sharing with the desired graph.</summary>
    [Benchmark]
    public async Task<int> StoreReadSharingWithDesired() => (await _store.ReadAsync(_interner))!.Resources.Length;
}
