using Provisioning.Diagnostics;
namespace Provisioning.Config;

/// <summary>
/// The project-level <c>config</c> of <c>Pulumi.yaml</c>, with Pulumi's meaning: a key without a namespace (or in the
/// project's) is the project's; its value is a default (<c>cloud: AzureUSGovernment</c>) or a declaration
/// (<c>cloud: { type: string, default: …, description: … }</c>, without a default the stack must set it), and the stack
/// file's value wins. Keys of other namespaces belong to other tools and are ignored, as in a stack file. For a C# program
/// (<c>runtime: dotnet</c>) any other key of the project's is the program's own config default, of any YAML shape, which
/// the program reads (<see cref="Programs.ProgramConfig.FromProjectFile"/>); registrations and tenants still are not.
/// </summary>
internal sealed partial class ProjectFileReader
{
    private static readonly string[] DeclarationFields = ["type", "description", "default", "value", "secret", "items"];

    /// <summary>The keys a project may give defaults for; registrations and tenants belong to each stack.</summary>
    internal static readonly string[] DefaultableKeys = [StackFileReader.CloudKey, StackFileReader.TokenScopeKey];

    private Dictionary<string, SourceEntry?> ReadConfig(SourceEntry entry, string? project, bool program)
    {
        var result = new Dictionary<string, SourceEntry?>(StringComparer.Ordinal);
        if (entry.Value is SourceScalar { IsNull: true } || checks.AsMapping(entry.Value, "'config' of the project file") is not { } config)
        {
            return result;
        }

        foreach (var item in config.Entries)
        {
            var key = item.Key.Value;
            var colon = key.IndexOf(':', StringComparison.Ordinal);
            var name = colon < 0 ? key : key[(colon + 1)..];
            if (colon >= 0 && key[..colon] != project)
            {
                // Another tool's namespace, unless it is a near miss of ours (the same rule as in a stack file).
                var closest = StackFileReader.KnownKeys.Contains(name) ? name : Suggestions.Closest(name, StackFileReader.KnownKeys);
                if (project is not null && closest is not null && Suggestions.Closest(key[..colon], [project]) is not null)
                {
                    checks.Report(DiagnosticCatalog.UnknownConfigKey(item.Key.Span, key, $"{project}:{closest}"));
                }

                continue;
            }

            if (program && !StackFileReader.KnownKeys.Contains(name))
            {
                // The program's own key: any value, read by the program as the stack file's config is.
                continue;
            }

            if (!StackFileReader.KnownKeys.Contains(name))
            {
                checks.Report(DiagnosticCatalog.UnknownConfigKey(item.Key.Span, key, Suggestions.Closest(name, StackFileReader.KnownKeys)));
                continue;
            }

            if (!DefaultableKeys.Contains(name))
            {
                checks.Report(DiagnosticCatalog.ProjectConfigUnsupported(item.Key.Span, key, $"'{name}' is declared in each stack file (Pulumi.<stack>.yaml), so that no stack gets mappings it does not list."));
                continue;
            }

            if (result.ContainsKey(name))
            {
                checks.Report(DiagnosticCatalog.ProjectConfigUnsupported(item.Key.Span, key, $"'{name}' is already given (with and without the namespace)."));
                continue;
            }

            if (ReadDeclaration(item, out var value))
            {
                result[name] = value;
            }
        }

        return result;
    }

    /// <summary>Reads a short-hand default or a declaration; false after reporting when it cannot be honoured.</summary>
    private bool ReadDeclaration(SourceEntry item, out SourceEntry? value)
    {
        value = null;
        var key = item.Key.Value;
        switch (item.Value)
        {
            case SourceScalar { IsNull: true }:
                checks.Report(DiagnosticCatalog.ProjectConfigUnsupported(item.Key.Span, key, "it has no value; give a default or a declaration ({ type: string, default: … })."));
                return false;
            case SourceScalar scalar:
                value = item;
                return checks.IsStrict(scalar, key);
            case SourceMapping declaration:
                var owner = $"the declaration of '{key}'";
                checks.CheckFields(declaration, owner, DeclarationFields, ["type"], item.Key.Span);
                var ok = !declaration.Entries.Any(e => !DeclarationFields.Contains(e.Key.Value)) && declaration.Find("type") is not null;
                if (declaration.Find("type") is { } type && checks.AsValue(type, owner) is { } typeName && typeName.Value != "string")
                {
                    checks.Report(DiagnosticCatalog.ProjectConfigUnsupported(typeName.Span, key, $"its type is '{DiagnosticCatalog.Excerpt(typeName.Value)}', but the value is text: declare 'type: string'."));
                    ok = false;
                }

                if (declaration.Find("items") is { } items)
                {
                    checks.Report(DiagnosticCatalog.ProjectConfigUnsupported(items.Key.Span, key, "'items' is for arrays; the value is text."));
                    ok = false;
                }

                if (declaration.Find("secret") is { } secret && checks.AsBool(secret, owner) != false)
                {
                    checks.Report(DiagnosticCatalog.ProjectConfigUnsupported(secret.Key.Span, key, "secret config is not supported: these values are not secrets, and secrets never belong in these files."));
                    ok = false;
                }

                var given = declaration.Entries.Where(e => e.Key.Value is "default" or "value").ToList();
                if (given.Count > 1)
                {
                    checks.Report(DiagnosticCatalog.ProjectConfigUnsupported(given[1].Key.Span, key, "give 'default' or 'value', not both."));
                    ok = false;
                }

                if (given.Count == 1 && given[0].Value is not SourceScalar { IsNull: false })
                {
                    checks.Report(DiagnosticCatalog.WrongNodeType(given[0].Value.Span, $"'{given[0].Key.Value}' of {owner}", "a text value", given[0].Value.Describe()));
                    ok = false;
                }

                value = given.Count == 1 ? new SourceEntry(item.Key, given[0].Value) : null;
                return ok;
            default:
                checks.Report(DiagnosticCatalog.WrongNodeType(item.Value.Span, $"'{key}' of the project config", "a text value or a declaration ({ type: string, default: … })", item.Value.Describe()));
                return false;
        }
    }
}
