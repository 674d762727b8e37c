using Provisioning.Diagnostics;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Provisioning.Config;

/// <summary>
/// Reads YAML text into <see cref="SourceNode"/>s from the parser's events, so that every node keeps
/// its line and column and every duplicate key is reported (the representation model stops at the first).
/// The one place that reads YAML, so the YAML-level rules live here: tags other than the core ones are
/// refused, nesting is bounded while parsing (YamlDotNet's scanner slows down quadratically with depth, and
/// this reader recurses), and aliases are resolved by sharing the anchored node, within an expansion budget.
/// </summary>
internal sealed partial class SourceTreeReader
{
    /// <summary>The deepest nesting of lists and mappings read; a stack file needs 6 levels.</summary>
    internal const int MaxDepth = 64;

    /// <summary>How many nodes aliases may expand to in one file, counting each use of an anchor with its whole subtree.</summary>
    internal const int MaxAliasExpansion = 1_000_000;

    private const string CoreTagPrefix = "tag:yaml.org,2002:";

    private readonly string _file;
    private readonly ICollection<Diagnostic> _diagnostics;
    private readonly Dictionary<string, (SourceNode Node, long Size)> _anchors = new(StringComparer.Ordinal);
    private long _expanded;

    private SourceTreeReader(string file, ICollection<Diagnostic> diagnostics)
    {
        _file = file;
        _diagnostics = diagnostics;
    }

    /// <summary>
    /// Reads the single document of <paramref name="text"/> (<paramref name="root"/> is null for an empty file);
    /// false after reporting a syntax error.
    /// </summary>
    public static bool TryRead(string file, string text, ICollection<Diagnostic> diagnostics, out SourceNode? root)
    {
        var reader = new SourceTreeReader(file, diagnostics);
        return reader.TryReadStream(text, out root);
    }

    private bool TryReadStream(string text, out SourceNode? root)
    {
        root = null;
        var parser = new Parser(new StringReader(text));
        try
        {
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
            {
                return true;
            }

            parser.Consume<DocumentStart>();
            root = ReadNode(parser);
            parser.Consume<DocumentEnd>();
            if (parser.Accept<DocumentStart>(out var second))
            {
                _diagnostics.Add(DiagnosticCatalog.MultipleDocuments(SpanOf(second.Start)));
            }

            return true;
        }
        catch (YamlException e)
        {
            var message = CleanMessage(e.Message);
            _diagnostics.Add(DiagnosticCatalog.YamlSyntax(SpanOf(PlaceOf(e, message)), message));
            root = null;
            return false;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this on some malformed flow collections; place it after the last good event.
            var after = parser.Current?.End ?? Mark.Empty;
            _diagnostics.Add(DiagnosticCatalog.YamlSyntax(SpanOf(after), "the text after this point cannot be parsed; check brackets, quotes and indentation."));
            root = null;
            return false;
        }
        catch (LimitExceededException e)
        {
            _diagnostics.Add(e.Diagnostic);
            root = null;
            return false;
        }
    }

    private SourceNode ReadNode(IParser parser) => ReadNode(parser, 0).Node;

    /// <summary>Reads one node and its subtree; the size counts the nodes as a consumer walking every alias would see them.</summary>
    private (SourceNode Node, long Size) ReadNode(IParser parser, int depth)
    {
        if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            if (!_anchors.TryGetValue(alias.Value.Value, out var target))
            {
                throw new YamlException(alias.Start, alias.End, $"the alias '*{alias.Value.Value}' has no anchor before it.");
            }

            _expanded += target.Size;
            return _expanded > MaxAliasExpansion
                ? throw new LimitExceededException(DiagnosticCatalog.AliasExpansionTooLarge(SpanOf(alias.Start), MaxAliasExpansion))
                : target;
        }

        if (parser.Current is NodeEvent { Start: var start } && depth >= MaxDepth && parser.Current is SequenceStart or MappingStart)
        {
            throw new LimitExceededException(DiagnosticCatalog.NestingTooDeep(SpanOf(start), MaxDepth));
        }

        SourceNode node;
        long size = 1;
        NodeEvent opening;
        if (parser.TryConsume<Scalar>(out var scalar))
        {
            opening = scalar;
            var plain = scalar.Style is ScalarStyle.Plain or ScalarStyle.Any && scalar.Tag.IsEmpty;
            node = new SourceScalar(scalar.Value, plain, SpanOf(scalar.Start));
        }
        else if (parser.TryConsume<SequenceStart>(out var sequenceStart))
        {
            opening = sequenceStart;
            var items = new List<SourceNode>();
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                var (item, itemSize) = ReadNode(parser, depth + 1);
                items.Add(item);
                size += itemSize;
            }

            node = new SourceSequence(items, SpanOf(sequenceStart.Start));
        }
        else
        {
            var mappingStart = parser.Consume<MappingStart>();
            opening = mappingStart;
            (node, size) = ReadMapping(parser, SpanOf(mappingStart.Start), depth);
        }

        CheckTag(opening);
        if (!opening.Anchor.IsEmpty)
        {
            _anchors[opening.Anchor.Value] = (node, size);
        }

        return (node, size);
    }

    /// <summary>Reports a tag other than none, the non-specific '!', or the core tag of the node's own kind.</summary>
    private void CheckTag(NodeEvent node)
    {
        if (node.Tag.IsEmpty || node.Tag.IsNonSpecific)
        {
            return;
        }

        var tag = node.Tag.Value;
        var expected = node switch
        {
            Scalar => "str",
            SequenceStart => "seq",
            _ => "map",
        };
        if (tag != CoreTagPrefix + expected)
        {
            var shown = tag.StartsWith(CoreTagPrefix, StringComparison.Ordinal) ? "!!" + tag[CoreTagPrefix.Length..] : tag;
            _diagnostics.Add(DiagnosticCatalog.UnsupportedTag(SpanOf(node.Start), shown));
        }
    }

    private (SourceMapping Mapping, long Size) ReadMapping(IParser parser, SourceSpan span, int depth)
    {
        var entries = new List<SourceEntry>();
        var seen = new Dictionary<string, SourceScalar>(StringComparer.Ordinal);
        long size = 1;
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var (key, keySize) = ReadNode(parser, depth + 1);
            var (value, valueSize) = ReadNode(parser, depth + 1);
            size += keySize + valueSize;
            if (key is not SourceScalar scalarKey)
            {
                _diagnostics.Add(DiagnosticCatalog.WrongNodeType(key.Span, "A mapping key", "a text value", key.Describe()));
                continue;
            }

            if (seen.TryGetValue(scalarKey.Value, out var first))
            {
                _diagnostics.Add(DiagnosticCatalog.DuplicateKey(scalarKey.Span, scalarKey.Value, first.Span.Line));
                continue;
            }

            seen.Add(scalarKey.Value, scalarKey);
            entries.Add(new SourceEntry(scalarKey, value));
        }

        return (new SourceMapping(entries, span), size);
    }

    // The scanner's "While scanning X, found Y" errors start at X and end at Y, the real culprit; but an
    // unclosed quote or a file that ends too early is best shown where it was opened (X).
    private static Mark PlaceOf(YamlException e, string message) =>
        message.StartsWith("While scanning", StringComparison.Ordinal)
            && !message.Contains("quoted scalar", StringComparison.Ordinal)
            && !message.Contains("end of stream", StringComparison.Ordinal)
            ? e.End
            : e.Start;

    private SourceSpan SpanOf(Mark mark) => new(_file, (int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column));

    // YamlDotNet prefixes its messages with "(Line: 1, Col: 2, Idx: 3) - (Line: …): "; the span already says where.
    private static string CleanMessage(string message) => MarkPrefix().Replace(message, string.Empty);

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ")]
    private static partial Regex MarkPrefix();

    /// <summary>Stops reading at a limit (depth, alias expansion) with the diagnostic that says so.</summary>
    private sealed class LimitExceededException(Diagnostic diagnostic) : Exception(diagnostic.Message)
    {
        public Diagnostic Diagnostic { get; } = diagnostic;
    }
}
