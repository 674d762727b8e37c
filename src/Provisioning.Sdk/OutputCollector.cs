using System.Text.Json;
using System.Text.Json.Serialization;
using Provisioning.Programs;

namespace Provisioning.Sdk;

/// <summary>Turns the program's outputs into JSON; any output holding a secret is handed over marked secret, without its value.</summary>
internal static class OutputCollector
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new ResourceAsUrn() } };

    // What a secret writes (its type's converter): an output whose JSON holds it is handed over as secret, without value.
    private const string SecretJson = "\"" + SecretText.Placeholder + "\"";

    public static List<ProgramOutput> Collect(IDictionary<string, object?> returned, DeploymentContext context)
    {
        var outputs = new List<ProgramOutput>(returned.Count);
        foreach (var (name, value) in returned)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                context.Report(new ProgramProblem(ProgramProblemKind.Output, "an output needs a name.", $"\"{name}\""));
                continue;
            }

            switch (value)
            {
                case null:
                    outputs.Add(new ProgramOutput(name, false));
                    break;
                case ISecret:
                    outputs.Add(new ProgramOutput(name, true));
                    break;
                default:
                    try
                    {
                        var element = JsonSerializer.SerializeToElement(value, value.GetType(), Options);
                        outputs.Add(element.GetRawText().Contains(SecretJson, StringComparison.Ordinal) ? new ProgramOutput(name, true) : new ProgramOutput(name, false, element));
                    }
                    catch (Exception e) when (e is NotSupportedException or JsonException or InvalidOperationException or ArgumentException)
                    {
                        context.Report(new ProgramProblem(ProgramProblemKind.Output, $"it cannot be written as JSON ({e.GetType().Name}: {e.Message})", name));
                    }

                    break;
            }
        }

        return outputs;
    }

    /// <summary>A resource in an output is its URN.</summary>
    private sealed class ResourceAsUrn : JsonConverter<Resource>
    {
        public override bool CanConvert(Type typeToConvert) => typeof(Resource).IsAssignableFrom(typeToConvert);

        public override Resource Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("A resource is never read from JSON.");

        public override void Write(Utf8JsonWriter writer, Resource value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.Urn);
    }
}
