using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Provisioning.Azure;
using Provisioning.AzureStack;
using Provisioning.Execution;
using Provisioning.Model;

namespace Provisioning.Benchmarks;

/// <summary>
/// Reading one list page of 1,000 mappings as the emulator serves it: the former <see cref="JsonDocument"/> reader (kept
/// here as the baseline), the <see cref="Utf8JsonReader"/> page reader alone, and the same sharing with the desired graph
/// as a refresh does.
/// </summary>
[MemoryDiagnoser]
public class ListPageBenchmarks
{
    private byte[] _page = [];
    private Interner _interner = null!;

    [GlobalSetup]
    public void Setup()
    {
        var graph = (BenchStacks.Create(1, 1_000)).Expand();
        _interner = Interner.From(graph);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("value");
            foreach (var resource in graph.Resources)
            {
                writer.WriteStartObject();
                writer.WriteString("id", resource.Id.ToString());
                writer.WriteString("name", $"{resource.Id.Parent?.Name}/{resource.Id.Name}");
                writer.WriteString("type", resource.Type);
                writer.WriteStartObject("properties");
                foreach (var (name, value) in resource.Properties)
                {
                    writer.WriteString(name, value);
                }

                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteString("nextLink", "https://127.0.0.1:5001/subscriptions/x/customerSubscriptions?api-version=2017-06-01&$skipToken=1000");
            writer.WriteEndObject();
        }

        _page = buffer.WrittenSpan.ToArray();
    }

    /// <summary>Before: the page as a <see cref="JsonDocument"/>, each id parsed from a new string, a new property set per item.</summary>
    [Benchmark(Baseline = true)]
    public int JsonDocumentPage()
    {
        using var document = JsonDocument.Parse(_page);
        var items = new List<ObservedResource>();
        foreach (var item in document.RootElement.GetProperty("value").EnumerateArray())
        {
            items.Add(ArmJson.ReadResource(item));
        }

        return items.Count;
    }

    /// <summary>After, without an interner (a plain <c>ListAsync</c>).</summary>
    [Benchmark]
    public int ReaderPage() => ArmPageReader.Read(_page, null).Items.Count;

    /// <summary>After, as a refresh reads it: ids, types and property sets equal to desired ones are shared, not allocated.</summary>
    [Benchmark]
    public int ReaderPageSharingWithDesired() => ArmPageReader.Read(_page, _interner).Items.Count;
}
