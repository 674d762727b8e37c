using Provisioning.Diagnostics;
namespace Provisioning.Config;

/// <summary>A YAML scalar; <see cref="IsPlain"/> is false for quoted and block scalars and for those tagged <c>!!str</c> or <c>!</c>.</summary>
internal sealed record SourceScalar(string Value, bool IsPlain, SourceSpan Span) : SourceNode(Span)
{
    /// <summary>True for an empty plain scalar or a YAML null (<c>~</c>, <c>null</c>).</summary>
    public bool IsNull => IsPlain && Value is "" or "~" or "null" or "Null" or "NULL";

    /// <inheritdoc />
    public override string Describe() => IsNull ? "empty" : $"the value '{DiagnosticCatalog.Excerpt(Value)}'";
}
