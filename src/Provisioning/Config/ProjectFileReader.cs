using Provisioning.Diagnostics;
namespace Provisioning.Config;

/// <summary>Validates the tree of <c>Pulumi.yaml</c>: <c>name</c>, <c>runtime</c>, <c>main</c>, <c>description</c>, <c>backend.url</c>, <c>config</c>.</summary>
internal sealed partial class ProjectFileReader(string file, NodeChecks checks, bool programs = true)
{
    private static readonly string[] KnownKeys = ["name", "runtime", "main", "description", "backend", "config"];

    /// <summary>Reads the project file's root node (null for an empty file).</summary>
    public ProjectFile Read(SourceNode? root)
    {
        var mapping = root is null ? new SourceMapping([], new SourceSpan(file, 1, 1)) : checks.AsMapping(root, "The project file");
        if (mapping is null)
        {
            return ProjectFile.None(file);
        }

        string? name = null;
        var nameSpan = SourceSpan.WholeFile(file);
        (string Url, string? Folder, SourceSpan Span)? backend = null;
        string? runtime = null;
        SourceScalar? main = null;
        foreach (var entry in mapping.Entries)
        {
            switch (entry.Key.Value)
            {
                case "name":
                    name = ReadName(entry);
                    nameSpan = entry.Value.Span;
                    break;
                case "description":
                    checks.AsText(entry, "the project file", optional: true);
                    break;
                case "backend":
                    backend = ReadBackend(entry);
                    break;
                case "runtime":
                    runtime = ReadRuntime(entry);
                    break;
                case "main":
                    main = checks.AsValue(entry, "the project file");
                    break;
                case "config":
                    break;
                default:
                    checks.Report(DiagnosticCatalog.UnknownKeyIgnored(entry.Key.Span, entry.Key.Value, file, Suggestions.Closest(entry.Key.Value, KnownKeys)));
                    break;
            }
        }

        if (mapping.Find("name") is null)
        {
            checks.Report(DiagnosticCatalog.MissingField(mapping.Span, "name", "The project file"));
        }

        var config = mapping.Find("config") is { } configEntry ? ReadConfig(configEntry, name, programs && runtime == ProjectFile.ProgramRuntime) : new Dictionary<string, SourceEntry?>();
        return new ProjectFile(name, nameSpan, backend?.Url, backend?.Folder, config)
        {
            BackendSpan = backend?.Span ?? default,
            Runtime = runtime,
            Main = main?.Value,
            MainSpan = main?.Span ?? SourceSpan.WholeFile(file),
        };
    }

    /// <summary>Pulumi's <c>runtime</c>: a name (<c>dotnet</c>), or a mapping with <c>name</c> and <c>options</c>; other runtimes are read as YAML stacks.</summary>
    private string? ReadRuntime(SourceEntry entry)
    {
        if (entry.Value is SourceMapping runtime)
        {
            return runtime.Find("name") is { } runtimeName ? checks.AsValue(runtimeName, "'runtime'")?.Value : null;
        }

        return entry.Value is SourceScalar { IsNull: true } ? null : checks.AsValue(entry, "the project file")?.Value;
    }

    private string? ReadName(SourceEntry entry)
    {
        var name = checks.AsValue(entry, "the project file");
        if (name is null)
        {
            return null;
        }

        if (!Names.IsValid(name.Value))
        {
            checks.Report(DiagnosticCatalog.InvalidProjectName(name.Span, name.Value));
            return null;
        }

        return name.Value;
    }

    private (string Url, string? Folder, SourceSpan Span)? ReadBackend(SourceEntry entry)
    {
        if (entry.Value is SourceScalar { IsNull: true })
        {
            return null;
        }

        var backend = checks.AsMapping(entry.Value, "'backend'");
        if (backend is null)
        {
            return null;
        }

        checks.CheckFields(backend, "'backend'", ["url"], ["url"], entry.Key.Span);
        var value = backend.Find("url") is { } url ? checks.AsValue(url, "'backend'") : null;
        if (value is null)
        {
            return null;
        }

        var reason = BackendUrls.Check(value.Value, out var folder);
        if (reason is not null)
        {
            checks.Report(DiagnosticCatalog.InvalidBackendUrl(value.Span, value.Value, reason));
            return null;
        }

        return (value.Value, folder, value.Span);
    }
}
