using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Provisioning.Config;

/// <content>The file as nodes that know where they start and end in the text.</content>
public static partial class StackFileEditor
{
    /// <summary>Deeper than any stack file (which needs 6 levels): a file the loader accepted is never this deep.</summary>
    private const int MaxDepth = 64;

    /// <summary>The single document's root node (null for an empty file).</summary>
    private static Node? Parse(string text)
    {
        var parser = new Parser(new StringReader(text));
        parser.Consume<StreamStart>();
        if (parser.Accept<StreamEnd>(out _))
        {
            return null;
        }

        parser.Consume<DocumentStart>();
        return Read(parser, 0);
    }

    private static Node Read(IParser parser, int depth)
    {
        if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            return new AliasNode(alias.Start, alias.End, Anchored: false);
        }

        if (parser.TryConsume<Scalar>(out var scalar))
        {
            return new ScalarNode(scalar.Value, scalar.Start, scalar.End, !scalar.Anchor.IsEmpty);
        }

        if (depth >= MaxDepth)
        {
            throw new YamlException(parser.Current!.Start, parser.Current.End, "the file is nested too deeply.");
        }

        if (parser.TryConsume<SequenceStart>(out var sequence))
        {
            var items = new List<Node>();
            SequenceEnd? end;
            while (!parser.TryConsume<SequenceEnd>(out end))
            {
                items.Add(Read(parser, depth + 1));
            }

            return new SequenceNode(items, sequence.Style == SequenceStyle.Flow, sequence.Start, end!.End, !sequence.Anchor.IsEmpty);
        }

        var mapping = parser.Consume<MappingStart>();
        var entries = new List<(Node, Node)>();
        MappingEnd? mappingEnd;
        while (!parser.TryConsume<MappingEnd>(out mappingEnd))
        {
            var key = Read(parser, depth + 1);
            entries.Add((key, Read(parser, depth + 1)));
        }

        return new MappingNode(entries, mapping.Style == MappingStyle.Flow, mapping.Start, mappingEnd!.End, !mapping.Anchor.IsEmpty);
    }

    /// <summary>
    /// The node whose end is where <paramref name="node"/>'s text really ends. A block collection's own end mark is where the
    /// parser noticed it had ended — at the next key, after any comments and blank lines — so its text ends with its last
    /// entry's; an empty value's text ends with its key.
    /// </summary>
    private static Node Last(Node node) => node switch
    {
        MappingNode { Flow: false, Entries.Count: > 0 } mapping => LastOf(mapping.Entries[^1]),
        SequenceNode { Flow: false, Items.Count: > 0 } sequence => Last(sequence.Items[^1]),
        _ => node,
    };

    private static Node LastOf((Node Key, Node Value) entry) =>
        entry.Value is ScalarNode { Value.Length: 0 } empty && empty.Start.Index == empty.End.Index ? Last(entry.Key) : Last(entry.Value);

    /// <summary>A node of the file: where it starts and ends, and whether it carries an anchor (other nodes may alias it).</summary>
    private abstract record Node(Mark Start, Mark End, bool Anchored);

    private sealed record ScalarNode(string Value, Mark Start, Mark End, bool Anchored) : Node(Start, End, Anchored);

    private sealed record SequenceNode(List<Node> Items, bool Flow, Mark Start, Mark End, bool Anchored) : Node(Start, End, Anchored);

    private sealed record MappingNode(List<(Node Key, Node Value)> Entries, bool Flow, Mark Start, Mark End, bool Anchored) : Node(Start, End, Anchored);

    private sealed record AliasNode(Mark Start, Mark End, bool Anchored) : Node(Start, End, Anchored);
}
