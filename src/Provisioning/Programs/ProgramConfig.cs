using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Provisioning.Config;
using Provisioning.Diagnostics;

namespace Provisioning.Programs;

/// <summary>
/// The stack file's <c>config:</c> as a program sees it (<c>PROVISION_CONFIG</c>): every <c>namespace:key</c> with its
/// value as JSON. Plain YAML scalars are typed as YAML's core schema types them (true/false, numbers, null); quoted ones
/// stay text; mappings and lists become objects and arrays. Keys without a namespace are left to the stack loader's report.
/// </summary>
public static partial class ProgramConfig
{
    /// <summary>Reads <paramref name="stackYaml"/>; <paramref name="stackFile"/> names it in diagnostics (YAML syntax errors).</summary>
    public static (IReadOnlyDictionary<string, JsonElement> Values, IReadOnlyList<Diagnostic> Diagnostics) FromStackFile(string stackFile, string stackYaml)
    {
        ArgumentNullException.ThrowIfNull(stackFile);
        ArgumentNullException.ThrowIfNull(stackYaml);
        var diagnostics = new List<Diagnostic>();
        var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (!SourceTreeReader.TryRead(stackFile, stackYaml, diagnostics, out var root)
            || root is not SourceMapping top
            || top.Find("config")?.Value is not SourceMapping config)
        {
            return (values, diagnostics);
        }

        foreach (var entry in config.Entries.Where(e => e.Key.Value.Contains(':', StringComparison.Ordinal)))
        {
            values[entry.Key.Value] = ToJson(entry.Value);
        }

        return (values, diagnostics);
    }

    /// <summary>
    /// The program config defaults of <c>Pulumi.yaml</c>'s <c>config:</c> (Pulumi's project-level config): every key of
    /// <paramref name="project"/>'s namespace, or without one, as <c>project:key</c> → its value, or the <c>default</c>
    /// (or <c>value</c>) of a declaration (<c>{ type: …, default: … }</c>); keys of other namespaces are left out. The
    /// stack file's values win over these (<see cref="Merge"/>).
    /// </summary>
    public static IReadOnlyDictionary<string, JsonElement> FromProjectFile(string projectFile, string projectYaml, string project)
    {
        ArgumentNullException.ThrowIfNull(projectYaml);
        var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (!SourceTreeReader.TryRead(projectFile, projectYaml, [], out var root)
            || root is not SourceMapping top
            || top.Find("config")?.Value is not SourceMapping config)
        {
            return values;
        }

        foreach (var entry in config.Entries)
        {
            var key = entry.Key.Value;
            var colon = key.IndexOf(':', StringComparison.Ordinal);
            if (colon >= 0 && key[..colon] != project)
            {
                continue;
            }

            var full = colon >= 0 ? key : $"{project}:{key}";
            var declared = entry.Value is SourceMapping declaration && declaration.Find("type") is not null
                ? declaration.Find("default")?.Value ?? declaration.Find("value")?.Value
                : entry.Value;
            if (declared is not null)
            {
                values[full] = ToJson(declared);
            }
        }

        return values;
    }

    /// <summary>The project's defaults with the stack file's values over them.</summary>
    public static IReadOnlyDictionary<string, JsonElement> Merge(IReadOnlyDictionary<string, JsonElement> defaults, IReadOnlyDictionary<string, JsonElement> stack)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        ArgumentNullException.ThrowIfNull(stack);
        var merged = new Dictionary<string, JsonElement>(defaults, StringComparer.Ordinal);
        foreach (var (key, value) in stack)
        {
            merged[key] = value;
        }

        return merged;
    }

    /// <summary>The config as the one JSON object of <see cref="ProgramEnvironment.Config"/>.</summary>
    public static string ToEnvironmentValue(IReadOnlyDictionary<string, JsonElement> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            foreach (var (key, value) in values)
            {
                writer.WritePropertyName(key);
                value.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static JsonElement ToJson(SourceNode node)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            Write(writer, node);
        }

        using var document = JsonDocument.Parse(stream.ToArray());
        return document.RootElement.Clone();
    }

    private static void Write(Utf8JsonWriter writer, SourceNode node)
    {
        switch (node)
        {
            case SourceMapping mapping:
                writer.WriteStartObject();
                foreach (var entry in mapping.Entries)
                {
                    writer.WritePropertyName(entry.Key.Value);
                    Write(writer, entry.Value);
                }

                writer.WriteEndObject();
                break;
            case SourceSequence sequence:
                writer.WriteStartArray();
                foreach (var item in sequence.Items)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case SourceScalar { IsNull: true }:
                writer.WriteNullValue();
                break;
            case SourceScalar { IsPlain: true, Value: "true" or "True" or "TRUE" }:
                writer.WriteBooleanValue(true);
                break;
            case SourceScalar { IsPlain: true, Value: "false" or "False" or "FALSE" }:
                writer.WriteBooleanValue(false);
                break;
            case SourceScalar { IsPlain: true } scalar when Number().IsMatch(scalar.Value)
                && decimal.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number):
                writer.WriteNumberValue(number);
                break;
            case SourceScalar scalar:
                writer.WriteStringValue(scalar.Value);
                break;
        }
    }

    // YAML 1.2 core schema numbers, decimal only: a GUID-like or hex value stays text.
    [GeneratedRegex(@"^[-+]?(\d+|\d*\.\d+)([eE][-+]?\d+)?$")]
    private static partial Regex Number();
}
