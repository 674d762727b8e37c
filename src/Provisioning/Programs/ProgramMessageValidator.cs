using Provisioning.Config;
using Provisioning.Diagnostics;
using Provisioning.Model;

namespace Provisioning.Programs;

/// <summary>
/// Checks every value of a deserialized <see cref="ProgramMessage"/>: what the JSON shape cannot say (non-empty texts,
/// no null item in a list, URNs that parse and agree with the resource's stack, project, type and name, lines ≥ 1,
/// secrets without a value). One diagnostic per bad field, at most <see cref="MaxReported"/>.
/// </summary>
internal static class ProgramMessageValidator
{
    /// <summary>How many invalid fields are named, at most: a damaged message is not worth a thousand lines.</summary>
    public const int MaxReported = 20;

    public static List<Diagnostic> Validate(ProgramMessage message, SourceSpan where)
    {
        var found = new List<Diagnostic>();
        void Bad(string path, string problem)
        {
            if (found.Count < MaxReported)
            {
                found.Add(DiagnosticCatalog.ProgramMessageInvalidField(where, path, problem));
            }
        }

        if (!Names.IsValid(message.Project))
        {
            Bad("project", "it must be a project name (letters, digits, '_', '.' and '-').");
        }

        if (!Names.IsValid(message.Stack))
        {
            Bad("stack", "it must be a stack name (letters, digits, '_', '.' and '-').");
        }

        if (message.Sdk is { Length: 0 or > 100 })
        {
            Bad("sdk", "it must be a short version text.");
        }

        for (var i = 0; i < message.Resources.Count; i++)
        {
            ValidateResource(message, message.Resources[i], $"resources[{i}]", Bad);
        }

        var outputNames = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < message.Outputs.Count; i++)
        {
            var output = message.Outputs[i];
            var path = $"outputs[{i}]";
            if (output is null)
            {
                Bad(path, "it is null.");
                continue;
            }

            if (string.IsNullOrEmpty(output.Name))
            {
                Bad($"{path}.name", "it must not be empty.");
            }
            else if (!outputNames.Add(output.Name))
            {
                Bad($"{path}.name", $"the output '{output.Name}' is listed twice.");
            }

            // A secret's clear text never leaves the program: a secret with a value is refused, not read.
            if (output.Secret && output.Value is { ValueKind: not System.Text.Json.JsonValueKind.Null })
            {
                Bad($"{path}.value", "a secret output must carry no value.");
            }
        }

        for (var i = 0; i < message.Problems.Count; i++)
        {
            var problem = message.Problems[i];
            var path = $"problems[{i}]";
            if (problem is null)
            {
                Bad(path, "it is null.");
                continue;
            }

            if (!Enum.IsDefined(problem.Kind))
            {
                Bad($"{path}.kind", "it is not a known kind of problem.");
            }

            if (string.IsNullOrWhiteSpace(problem.Message))
            {
                Bad($"{path}.message", "it must not be empty.");
            }

            if (problem.Kind is ProgramProblemKind.ConfigMissing or ProgramProblemKind.ConfigInvalid or ProgramProblemKind.Output && string.IsNullOrEmpty(problem.Key))
            {
                Bad($"{path}.key", $"a problem of kind '{problem.Kind}' names its key.");
            }

            if (problem.Kind == ProgramProblemKind.Exception && string.IsNullOrEmpty(problem.ExceptionType))
            {
                Bad($"{path}.exceptionType", "an exception names its type.");
            }

            ValidateSource(problem.Source, $"{path}.source", Bad);
        }

        return found;
    }

    private static void ValidateResource(ProgramMessage message, ProgramResource? resource, string path, Action<string, string> bad)
    {
        if (resource is null)
        {
            bad(path, "it is null.");
            return;
        }

        if (string.IsNullOrEmpty(resource.Type) || resource.Type.Contains("::", StringComparison.Ordinal) || resource.Type.Contains('$', StringComparison.Ordinal))
        {
            bad($"{path}.type", "it must be a type token without '::' or '$'.");
        }

        if (string.IsNullOrEmpty(resource.Name))
        {
            bad($"{path}.name", "it must not be empty.");
        }

        Urn? urn = null;
        try
        {
            urn = Urn.Parse(resource.Urn ?? string.Empty);
        }
        catch (FormatException e)
        {
            bad($"{path}.urn", e.Message);
        }

        if (urn is not null && (urn.Stack != message.Stack || urn.Project != message.Project || urn.Type != resource.Type || urn.Name != resource.Name))
        {
            bad($"{path}.urn", $"'{urn}' does not agree with the message's stack and project and the resource's type and name.");
        }

        if (resource.Parent is not null)
        {
            try
            {
                var parent = Urn.Parse(resource.Parent);
                if (urn is not null && urn.QualifiedType != $"{parent.QualifiedType}${urn.Type}")
                {
                    bad($"{path}.urn", $"its type does not extend its parent's type '{parent.QualifiedType}'.");
                }
            }
            catch (FormatException e)
            {
                bad($"{path}.parent", e.Message);
            }
        }
        else if (urn is not null && urn.QualifiedType != urn.Type)
        {
            bad($"{path}.parent", "a URN with a parent type needs its parent.");
        }

        foreach (var (key, value) in resource.Inputs)
        {
            if (string.IsNullOrEmpty(key) || value is null)
            {
                bad($"{path}.inputs", $"the input '{key}' must have a name and a text value.");
            }
        }

        var options = resource.Options;
        if (options.IgnoreChanges.Any(string.IsNullOrEmpty))
        {
            bad($"{path}.options.ignoreChanges", "an item is empty.");
        }

        if (options.DependsOn.Any(string.IsNullOrEmpty))
        {
            bad($"{path}.options.dependsOn", "an item is empty.");
        }

        ValidateSource(resource.Source, $"{path}.source", bad);
    }

    private static void ValidateSource(ProgramSource? source, string path, Action<string, string> bad)
    {
        if (source is not null && (string.IsNullOrEmpty(source.File) || source.Line < 1))
        {
            bad(path, "a source names a file and a line ≥ 1.");
        }
    }
}
