using Provisioning.Diagnostics;
using YamlDotNet.Core;

namespace Provisioning.Config;

/// <summary>
/// Adds tenants to a stack file's text in place, as a person would: new tenants go after the last one of the
/// <c>&lt;project&gt;:tenants</c> mapping (or into its <c>{}</c>), with the file's own indentation, line endings and style
/// (block or flow); a tenant the file already declares gets the new registrations appended to its <c>registrations</c>
/// list. Nothing else is touched: every other byte, comments included, stays where it was. The file is never re-serialized;
/// the parser's marks say where each node starts and ends.
/// </summary>
public static partial class StackFileEditor
{
    private const string DefaultStep = "  ";

    /// <summary>
    /// The text with <paramref name="tenants"/> added; when a part of the file cannot be edited in place (an alias, a
    /// <c>registrations</c> value that is not a list, a tenant key with another tenant id, a registration the tenant already
    /// lists) the text is returned unchanged with a PRV250 diagnostic per problem, placed in <paramref name="file"/>.
    /// </summary>
    public static StackFileEdit AddTenants(string text, string file, string project, IReadOnlyList<TenantEntry> tenants)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(tenants);
        if (tenants.Count == 0)
        {
            return new StackFileEdit(text, []);
        }

        Node? root;
        try
        {
            root = Parse(text);
        }
        catch (YamlException e)
        {
            return Refused(text, new SourceSpan(file, (int)Math.Max(1, e.Start.Line), (int)Math.Max(1, e.Start.Column)), "the file is not YAML the editor can read.");
        }

        // A last line without its line break gets one, so that lines can be added after it.
        var newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var editor = new Editor(text.Length > 0 && text[^1] != '\n' ? text + newline : text, file, newline);
        var tenantsKey = project + ":tenants";
        if (root is not MappingNode { Flow: false } top || Find(top, "config") is not { Value: MappingNode config } configEntry)
        {
            return Refused(text, SourceSpan.WholeFile(file), "it has no 'config:' mapping in block style at its top.");
        }

        if (Find(config, tenantsKey) is not { } section)
        {
            return Refused(text, editor.Span(config.Start), $"'config' has no '{tenantsKey}' mapping.");
        }

        if (section.Value is not MappingNode tenantsNode || section.Value.Anchored)
        {
            return Refused(text, editor.Span(section.Value.Start), $"'{tenantsKey}' is {Describe(section.Value)}, not a mapping written out in place.");
        }

        var step = StepOf(tenantsNode, config, configEntry.Key);
        var added = new List<TenantEntry>();
        foreach (var tenant in tenants)
        {
            if (Find(tenantsNode, tenant.Key) is { } existing)
            {
                editor.Extend(existing, tenant);
            }
            else
            {
                added.Add(tenant);
            }
        }

        if (added.Count > 0)
        {
            editor.Add(section, tenantsNode, config.Flow, added, step);
        }

        return editor.Problems.Count > 0 ? new StackFileEdit(text, editor.Problems) : new StackFileEdit(editor.Apply(), []);
    }

    private static StackFileEdit Refused(string text, SourceSpan span, string reason) =>
        new(text, [DiagnosticCatalog.StackFileNotEditable(span, reason)]);

    /// <summary>The indentation one level adds: from the first tenant written in block style, else from the config mapping, else two spaces.</summary>
    private static string StepOf(MappingNode tenants, MappingNode config, Node configKey)
    {
        foreach (var (key, value) in tenants.Entries)
        {
            if (value is MappingNode { Flow: false, Entries.Count: > 0 } fields && fields.Entries[0].Key.Start.Column > key.Start.Column)
            {
                return new string(' ', (int)(fields.Entries[0].Key.Start.Column - key.Start.Column));
            }
        }

        return !config.Flow && config.Entries.Count > 0 && config.Entries[0].Key.Start.Column > configKey.Start.Column
            ? new string(' ', (int)(config.Entries[0].Key.Start.Column - configKey.Start.Column))
            : DefaultStep;
    }

    private static (Node Key, Node Value)? Find(MappingNode mapping, string key)
    {
        foreach (var entry in mapping.Entries)
        {
            if (entry.Key is ScalarNode scalar && scalar.Value == key)
            {
                return entry;
            }
        }

        return null;
    }

    private static string Describe(Node node) => node switch
    {
        AliasNode => "an alias",
        { Anchored: true } => "an anchored node (aliases elsewhere would change with it)",
        ScalarNode { Value.Length: 0 } => "empty",
        ScalarNode => "a value",
        SequenceNode => "a list",
        _ => "a mapping",
    };
}
