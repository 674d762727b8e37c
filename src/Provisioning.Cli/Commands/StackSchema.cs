using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Provisioning.Cli.Commands;

/// <summary>
/// The stack file schema made for one project: the generic schema matches config keys of any namespace with
/// <c>patternProperties</c>, which editors validate but cannot offer; this one also lists <c>{project}:cloud</c>,
/// <c>{project}:registrations</c>… as <c>properties</c>, which they complete and describe on hover.
/// </summary>
internal static class StackSchema
{
    /// <summary>How the generic schema writes "any project name, then a colon" at the start of a config key pattern.</summary>
    private const string AnyNamespace = "^[A-Za-z0-9_.-]+:";

    // Descriptions hold <stack> and <project>: keep them readable instead of \u003C-escaped (the output is not HTML).
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// <paramref name="schema"/> (the generic stack schema) with every key of the form <c>^[A-Za-z0-9_.-]+:KEY$</c> in
    /// <c>config.patternProperties</c> also spelled out as the property <c>{project}:KEY</c>, with the same subschema.
    /// </summary>
    public static string ForProject(string schema, string project)
    {
        ArgumentException.ThrowIfNullOrEmpty(project);
        var root = JsonNode.Parse(schema)!.AsObject();
        root["title"] = $"provision stack file (Pulumi.<stack>.yaml) of project {project}";
        var config = root["properties"]!["config"]!.AsObject();
        var properties = new JsonObject();
        foreach (var (pattern, subschema) in config["patternProperties"]!.AsObject())
        {
            if (KeyOf(pattern) is { } key)
            {
                properties[$"{project}:{key}"] = subschema!.DeepClone();
            }
        }

        // Before patternProperties: the spelled-out keys are what a reader of the printed schema looks for first.
        config.Insert(config.IndexOf("patternProperties"), "properties", properties);
        config["propertyNames"] = new JsonObject
        {
            ["pattern"] = AnyNamespace,
            ["patternErrorMessage"] = $"A config key needs its namespace, the project name: write {project}:tenants, not tenants.",
        };
        return root.ToJsonString(Indented) + "\n";
    }

    /// <summary>KEY for a pattern <c>^[A-Za-z0-9_.-]+:KEY$</c> whose KEY is a plain word; null for any other pattern.</summary>
    private static string? KeyOf(string pattern) =>
        pattern.StartsWith(AnyNamespace, StringComparison.Ordinal) && pattern.EndsWith('$')
        && pattern[AnyNamespace.Length..^1] is { Length: > 0 } key && key.All(char.IsAsciiLetter)
            ? key
            : null;
}
