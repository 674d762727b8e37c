using BenchmarkDotNet.Attributes;
using Provisioning.AzureStack;
using Provisioning.Config;
using Provisioning.Execution;
using Provisioning.Model;
using Provisioning.Planning;
using Provisioning.State;

namespace Provisioning.Benchmarks;

/// <summary>Expansion and planning of 100,000 mappings (50 registrations × 2,000 tenants), the preview's CPU path.</summary>
[MemoryDiagnoser]
public class PlanningBenchmarks
{
    private StackDefinition _stack = null!;
    private ResourceGraph _graph = null!;
    private ResourceState[] _state = [];
    private ObservedResource[] _actual = [];

    [GlobalSetup]
    public void Setup()
    {
        _stack = BenchStacks.Create(50, 2_000);
        _graph = _stack.Expand();
        _state = [.. _graph.Resources.Select(r => ResourceState.From(r))];
        _actual = [.. _graph.Resources.Select(r => new ObservedResource(r.Id, r.Type, r.Properties))];
    }

    [Benchmark]
    public int Expand() => _stack.Expand().Count;

    [Benchmark]
    public int PlanNoChange() => Planner.Plan(_graph, _state, _actual).Steps.Length;
}
