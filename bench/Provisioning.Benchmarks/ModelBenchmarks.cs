using BenchmarkDotNet.Attributes;
using Provisioning.Model;

namespace Provisioning.Benchmarks;

/// <summary>Parsing and comparing ARM ids: done once per listed item and per state entry.</summary>
[MemoryDiagnoser]
public class ModelBenchmarks
{
    private const string Id = "/subscriptions/6513270e-269e-4d37-b2a7-4de452e6b438/resourceGroups/azurestack/providers/Microsoft.AzureStack/registrations/azurestack-d23f0824-128b-4f33-8c5c-7fd0a6a3a450/customerSubscriptions/8d116ece-1738-47d9-bd9c-172411e20b8f";
    private readonly ArmResourceId _a = ArmResourceId.Parse(Id);
    private readonly ArmResourceId _b = ArmResourceId.Parse(Id.ToUpperInvariant());

    [Benchmark]
    public ArmResourceId Parse() => ArmResourceId.Parse(Id);

    [Benchmark]
    public bool EqualsIgnoringCase() => _a.Equals(_b);

    [Benchmark]
    public int HashCode() => _a.GetHashCode();
}
