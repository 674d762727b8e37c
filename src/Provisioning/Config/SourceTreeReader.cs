using Provisioning.Diagnostics;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Provisioning.Config;

/// <summary>
/// Reads YAML text into <see cref="SourceNode"/>s from the parser's events, so that every node keeps
/// its line and column and every duplicate key is reported (the representation model stops at the first).
/// </summary>
internal sealed partial class SourceTreeReader
{
    private readonly string _file;
    private readonly ICollection<Diagnostic> _diagnostics;
    private readonly Dictionary<string, SourceNode> _anchors = new(StringComparer.Ordinal);

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
    }

    private SourceNode ReadNode(IParser parser)
    {
        if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            return _anchors.TryGetValue(alias.Value.Value, out var target)
                ? target
                : throw new YamlException(alias.Start, alias.End, $"the alias '*{alias.Value.Value}' has no anchor before it.");
        }

        SourceNode node;
        AnchorName anchor;
        if (parser.TryConsume<Scalar>(out var scalar))
        {
            anchor = scalar.Anchor;
            node = new SourceScalar(scalar.Value, scalar.Style is ScalarStyle.Plain or ScalarStyle.Any, SpanOf(scalar.Start));
        }
        else if (parser.TryConsume<SequenceStart>(out var sequenceStart))
        {
            anchor = sequenceStart.Anchor;
            var items = new List<SourceNode>();
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                items.Add(ReadNode(parser));
            }

            node = new SourceSequence(items, SpanOf(sequenceStart.Start));
        }
        else
        {
            var mappingStart = parser.Consume<MappingStart>();
            anchor = mappingStart.Anchor;
            node = ReadMapping(parser, SpanOf(mappingStart.Start));
        }

        if (!anchor.IsEmpty)
        {
            _anchors[anchor.Value] = node;
        }

        return node;
    }

    private SourceMapping ReadMapping(IParser parser, SourceSpan span)
    {
        var entries = new List<SourceEntry>();
        var seen = new Dictionary<string, SourceScalar>(StringComparer.Ordinal);
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var key = ReadNode(parser);
            var value = ReadNode(parser);
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

        return new SourceMapping(entries, span);
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
}
