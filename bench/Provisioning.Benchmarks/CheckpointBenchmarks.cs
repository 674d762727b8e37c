using BenchmarkDotNet.Attributes;
using Provisioning.AzureStack;
using Provisioning.State;

namespace Provisioning.Benchmarks;

/// <summary>Writing and reading a checkpoint of 100,000 mappings (the snapshot compaction cost).</summary>
[MemoryDiagnoser]
public class CheckpointBenchmarks
{
    private Checkpoint _checkpoint = null!;
    private byte[] _json = [];
    private Provisioning.Model.Interner _interner = null!;

    [GlobalSetup]
    public void Setup()
    {
        var graph = TenantRegistration.Expand(BenchStacks.Create(50, 2_000));
        _interner = Provisioning.Model.Interner.From(graph);
        _checkpoint = new Checkpoint("bench", "bench", DateTimeOffset.UnixEpoch, [.. graph.Resources.Select(r => ResourceState.From(r))]);
        using var stream = new MemoryStream();
        CheckpointSerializer.Write(stream, _checkpoint);
        _json = stream.ToArray();
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
}
