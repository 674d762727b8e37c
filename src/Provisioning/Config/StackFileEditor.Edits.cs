using System.Text;
using Provisioning.Diagnostics;
using YamlDotNet.Core;

namespace Provisioning.Config;

/// <content>The edits: insertions (and the removal of an empty <c>{}</c>) at places the nodes' marks give.</content>
public static partial class StackFileEditor
{
    /// <summary>Collects the edits of one file and applies them together, from the end of the text backwards.</summary>
    private sealed class Editor(string text, string file, string newline)
    {
        // Where two insertions meet at one place, registrations appended to the last tenant come before the new tenants.
        private const int ExtendOrder = 0;
        private const int AddOrder = 1;

        private readonly List<(int Index, int Remove, string Insert, int Order)> _edits = [];

        public List<Diagnostic> Problems { get; } = [];

        public SourceSpan Span(Mark mark) => new(file, (int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column));

        /// <summary>Appends the registrations of <paramref name="tenant"/> to the tenant the file declares under the same key.</summary>
        public void Extend((Node Key, Node Value) existing, TenantEntry tenant)
        {
            var name = tenant.Key;
            if (existing.Value is not MappingNode fields || fields.Anchored)
            {
                Refuse(existing.Value.Start, $"the tenant '{name}' is {Describe(existing.Value)}, so its registrations cannot be added to in place.");
                return;
            }

            if (Find(fields, "tenantId") is { Value: ScalarNode id } && !string.Equals(id.Value, tenant.TenantId, StringComparison.OrdinalIgnoreCase))
            {
                Refuse(id.Start, $"the tenant '{name}' has the tenant id {id.Value}, but the mappings to add under that key are of {tenant.TenantId}.");
                return;
            }

            var own = Find(fields, "subscriptionId") is { Value: ScalarNode subscription } ? subscription.Value : null;
            if (Find(fields, "registrations") is not { Value: SequenceNode { Anchored: false } list } registrations)
            {
                var where = Find(fields, "registrations") is { } entry ? entry.Value : existing.Key;
                Refuse(where.Start, $"the 'registrations' of tenant '{name}' is {(where == existing.Key ? "missing" : Describe(where))}; a list is needed to add the registrations {string.Join(", ", tenant.Registrations.Select(r => r.RegistrationKey))} to it.");
                return;
            }

            var listed = list.Items.Select(RegistrationOf).OfType<string>().ToHashSet(StringComparer.Ordinal);
            var items = new List<TenantEntryRegistration>();
            foreach (var r in tenant.Registrations)
            {
                if (!listed.Add(r.RegistrationKey))
                {
                    Refuse(list.Start, $"the tenant '{name}' already lists the registration '{r.RegistrationKey}'; a second subscription there would overwrite the first.");
                    continue;
                }

                // Billed to the tenant's own subscription: the plain key; else the registration with its subscription.
                var subscriptionId = r.SubscriptionId ?? tenant.SubscriptionId;
                items.Add(new TenantEntryRegistration(r.RegistrationKey, string.Equals(own, subscriptionId, StringComparison.OrdinalIgnoreCase) ? null : subscriptionId));
            }

            if (items.Count == 0)
            {
                return;
            }

            if (list.Flow)
            {
                var flow = string.Join(", ", items.Select(StackFileText.FlowItem));
                if (list.Items.Count == 0)
                {
                    Insert((int)list.Start.Index + 1, flow, ExtendOrder);
                }
                else
                {
                    Insert(EndOf(Last(list.Items[^1])), ", " + flow, ExtendOrder);
                }

                return;
            }

            var dash = DashColumn(list.Items[0]);
            var lines = new StringBuilder();
            foreach (var item in items)
            {
                StackFileText.AppendBlockItem(lines, item, new string(' ', dash), newline);
            }

            InsertLines(EndOf(Last(list)), dash, lines.ToString(), ExtendOrder);
        }

        /// <summary>Adds new tenants to the tenants mapping, in its style.</summary>
        public void Add((Node Key, Node Value) section, MappingNode tenants, bool flowConfig, List<TenantEntry> added, string step)
        {
            if (tenants.Flow)
            {
                var flow = string.Join(", ", added.Select(t => $"{StackFileText.Scalar(t.Key)}: {StackFileText.FlowTenant(t)}"));
                var closing = EndOf(tenants);
                if (tenants.Entries.Count > 0)
                {
                    Insert(EndOf(Last(tenants.Entries[^1].Value)), ", " + flow, AddOrder);
                    return;
                }

                // An empty {} becomes a block mapping, unless block style cannot go there (a flow config, more on its line).
                if (flowConfig || !OnlyCommentAfter(closing))
                {
                    var start = (int)tenants.Start.Index;
                    Replace(start, closing - start, "{ " + flow + " }", AddOrder);
                    return;
                }

                var from = (int)tenants.Start.Index;
                while (from > 0 && text[from - 1] is ' ' or '\t')
                {
                    from--;
                }

                Replace(from, closing - from, string.Empty, AddOrder);
                var indent = new string(' ', (int)section.Key.Start.Column - 1) + step;
                InsertLines(closing, int.MaxValue, Tenants(added, indent, step), AddOrder);
                return;
            }

            var column = (int)tenants.Entries[0].Key.Start.Column - 1;
            InsertLines(EndOf(LastOf(tenants.Entries[^1])), column, Tenants(added, new string(' ', column), step), AddOrder);
        }

        /// <summary>The text with every edit made, the last in the text first so that earlier places do not move.</summary>
        public string Apply()
        {
            var result = new StringBuilder(text);
            foreach (var (index, remove, insert, _) in _edits.OrderByDescending(e => e.Index).ThenByDescending(e => e.Order))
            {
                result.Remove(index, remove).Insert(index, insert);
            }

            return result.ToString();
        }

        private string Tenants(List<TenantEntry> added, string indent, string step)
        {
            var lines = new StringBuilder();
            foreach (var tenant in added)
            {
                StackFileText.AppendTenant(lines, tenant, indent, step, newline);
            }

            return lines.ToString();
        }

        /// <summary>
        /// Inserts whole lines after the line where <paramref name="end"/> is, and after the comment lines that follow it
        /// indented at least to <paramref name="column"/> (they belong to what is above them).
        /// </summary>
        private void InsertLines(int end, int column, string lines, int order)
        {
            var at = AfterLine(end);
            while (at < text.Length)
            {
                var lineEnd = text.IndexOf('\n', at);
                var line = text.AsSpan(at, (lineEnd < 0 ? text.Length : lineEnd) - at);
                var indent = line.Length - line.TrimStart(' ').Length;
                if (!line.TrimStart(' ').StartsWith("#", StringComparison.Ordinal) || indent < column)
                {
                    break;
                }

                at = lineEnd < 0 ? text.Length : lineEnd + 1;
            }

            Insert(at, lines, order);
        }

        /// <summary>Where a node's text ends: after a flow collection's closing bracket (its end mark may be on the bracket).</summary>
        private int EndOf(Node node)
        {
            var end = (int)node.End.Index;
            var closer = node switch
            {
                MappingNode { Flow: true } => '}',
                SequenceNode { Flow: true } => ']',
                _ => '\0',
            };
            return closer != '\0' && end < text.Length && text[end] == closer ? end + 1 : end;
        }

        /// <summary>The start of the line after the one <paramref name="index"/> is on (or <paramref name="index"/> itself at a line start).</summary>
        private int AfterLine(int index)
        {
            if (index > 0 && text[index - 1] == '\n')
            {
                return index;
            }

            var next = text.IndexOf('\n', index);
            return next < 0 ? text.Length : next + 1;
        }

        private bool OnlyCommentAfter(int index)
        {
            var next = text.IndexOf('\n', index);
            var rest = text.AsSpan(index, (next < 0 ? text.Length : next) - index).Trim();
            return rest.IsEmpty || rest[0] == '#';
        }

        /// <summary>The column (from 0) of the dash of a block list's item.</summary>
        private int DashColumn(Node item)
        {
            var at = (int)item.Start.Index - 1;
            while (at >= 0 && text[at] is ' ' or '\t')
            {
                at--;
            }

            var lineStart = text.LastIndexOf('\n', Math.Max(0, at)) + 1;
            return at >= 0 && text[at] == '-' ? at - lineStart : Math.Max(0, (int)item.Start.Column - 3);
        }

        private static string? RegistrationOf(Node item) => item switch
        {
            ScalarNode scalar => scalar.Value,
            MappingNode mapping when Find(mapping, "registration") is { Value: ScalarNode key } => key.Value,
            _ => null,
        };

        private void Insert(int index, string insert, int order) => _edits.Add((index, 0, insert, order));

        private void Replace(int index, int remove, string insert, int order) => _edits.Add((index, remove, insert, order));

        private void Refuse(Mark where, string reason) => Problems.Add(DiagnosticCatalog.StackFileNotEditable(Span(where), reason));
    }
}
