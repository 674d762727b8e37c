using Provisioning.Diagnostics;
namespace Provisioning.Config;

/// <summary>A YAML sequence (list), in file order.</summary>
internal sealed record SourceSequence(IReadOnlyList<SourceNode> Items, SourceSpan Span) : SourceNode(Span)
{
    /// <inheritdoc />
    public override string Describe() => "a list";
}
