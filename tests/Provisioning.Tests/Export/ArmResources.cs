using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Provisioning.Tests.Export;

/// <summary>
/// Reduces a template to what a deployment does: each resource's type, name, apiVersion and properties, with
/// nested deployments reduced the same way. Bicep writes a child's name as <c>[format('{0}/{1}', 'reg', 'sub')]</c>
/// where our ARM export writes the literal <c>reg/sub</c>; both are the same name to ARM, so that one
/// expression form (string literals only) is resolved here. Anything else in brackets stays as is and would differ.
/// </summary>
internal static partial class ArmResources
{
    public static JsonArray Of(JsonNode template) =>
        [.. template["resources"]!.AsArray().Select(r => Reduce(r!))];

    private static JsonObject Reduce(JsonNode resource)
    {
        var type = resource["type"]!.GetValue<string>();
        var properties = resource["properties"]!;
        var reduced = new JsonObject
        {
            ["type"] = type,
            ["name"] = ResolveName(resource["name"]!.GetValue<string>()),
            ["apiVersion"] = resource["apiVersion"]!.DeepClone(),
        };
        reduced["properties"] = type == "Microsoft.Resources/deployments"
            ? new JsonObject
            {
                ["mode"] = properties["mode"]!.DeepClone(),
                ["expressionEvaluationOptions"] = properties["expressionEvaluationOptions"]?.DeepClone(),
                ["resources"] = Of(properties["template"]!),
            }
            : properties.DeepClone();
        return reduced;
    }

    private static string ResolveName(string name)
    {
        var match = FormatTwo().Match(name);
        return match.Success ? $"{Unquote(match.Groups[1].Value)}/{Unquote(match.Groups[2].Value)}" : name;
    }

    private static string Unquote(string literal) => literal.Replace("''", "'", StringComparison.Ordinal);

    [GeneratedRegex(@"^\[format\('\{0\}/\{1\}', '((?:[^']|'')*)', '((?:[^']|'')*)'\)\]$")]
    private static partial Regex FormatTwo();
}
