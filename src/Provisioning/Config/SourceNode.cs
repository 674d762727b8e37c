using Provisioning.Diagnostics;
namespace Provisioning.Config;

/// <summary>A YAML node read from a file, with the place it starts; the input of validation.</summary>
internal abstract record SourceNode(SourceSpan Span)
{
    /// <summary>What the node is, for messages: "a mapping", "a list", "a text value".</summary>
    public abstract string Describe();
}
