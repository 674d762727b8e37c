using Provisioning.Diagnostics;
namespace Provisioning.Config;

/// <summary>A YAML mapping with scalar keys, in file order; duplicate keys are already reported and dropped.</summary>
internal sealed record SourceMapping(IReadOnlyList<SourceEntry> Entries, SourceSpan Span) : SourceNode(Span)
{
    /// <summary>The entry with the given key (case-sensitive), or null.</summary>
    public SourceEntry? Find(string key) => Entries.FirstOrDefault(e => e.Key.Value == key);

    /// <inheritdoc />
    public override string Describe() => "a mapping";
}
