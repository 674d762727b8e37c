using System.Text.Json;
using Provisioning.Programs;

namespace Provisioning.Sdk;

/// <summary>Reads the environment variables the engine starts a program with (<see cref="ProgramEnvironment"/>).</summary>
internal static class ProgramEnvironmentReader
{
    /// <summary>The message shown when the program is run by hand rather than by provision.</summary>
    public const string NotRunByEngine =
        "This program declares a Provisioning stack: run it with 'provision preview' (or 'provision up') in its project folder, not on its own.";

    /// <summary>
    /// The settings and the message's path, or null with <paramref name="problem"/> saying why: not started by the engine,
    /// or started with values this SDK cannot use.
    /// </summary>
    public static (ProgramSettings Settings, string OutputPath)? Read(Func<string, string?> variable, out string? problem)
    {
        var output = variable(ProgramEnvironment.ProgramOutput);
        if (string.IsNullOrEmpty(output))
        {
            problem = NotRunByEngine;
            return null;
        }

        var project = variable(ProgramEnvironment.Project);
        var stack = variable(ProgramEnvironment.Stack);
        if (string.IsNullOrEmpty(project) || string.IsNullOrEmpty(stack))
        {
            problem = $"provision started this program without {ProgramEnvironment.Project} and {ProgramEnvironment.Stack}; use a provision that matches this Provisioning.Sdk.";
            return null;
        }

        var formats = variable(ProgramEnvironment.Formats) is { Length: > 0 } listed
            ? listed.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            : [ProgramMessage.CurrentFormat];
        if (!formats.Contains(ProgramMessage.CurrentFormat, StringComparer.Ordinal))
        {
            problem = $"This Provisioning.Sdk writes '{ProgramMessage.CurrentFormat}', but the provision running it reads only '{string.Join("', '", formats)}'; use a Provisioning.Sdk and a provision of the same release.";
            return null;
        }

        var preview = variable(ProgramEnvironment.Preview);
        if (preview is { Length: > 0 } && !bool.TryParse(preview, out _))
        {
            problem = $"{ProgramEnvironment.Preview} must be true or false.";
            return null;
        }

        try
        {
            var config = ParseObject(variable(ProgramEnvironment.Config));
            var secretKeys = variable(ProgramEnvironment.ConfigSecretKeys) is { Length: > 0 } secrets
                ? JsonSerializer.Deserialize(secrets, SdkJsonContext.Default.StringArray) ?? []
                : [];
            problem = null;
            var settings = new ProgramSettings(project, stack)
            {
                Preview = preview is not { Length: > 0 } || bool.Parse(preview),
                Config = config,
                SecretKeys = secretKeys.ToHashSet(StringComparer.Ordinal),
            };
            return (settings, output);
        }
        catch (JsonException e)
        {
            problem = $"provision passed config this program cannot read ({e.Message}).";
            return null;
        }
    }

    private static Dictionary<string, JsonElement> ParseObject(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        }

        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException($"{ProgramEnvironment.Config} must be a JSON object.");
        }

        return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal);
    }
}
