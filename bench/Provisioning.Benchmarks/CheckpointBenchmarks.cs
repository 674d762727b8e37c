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

    [GlobalSetup]
    public void Setup()
    {
        var graph = TenantRegistration.Expand(BenchStacks.Create(50, 2_000));
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
}
