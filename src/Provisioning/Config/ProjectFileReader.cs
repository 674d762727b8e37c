using Provisioning.Diagnostics;
namespace Provisioning.Config;

/// <summary>Validates the tree of <c>Pulumi.yaml</c>: <c>name</c>, <c>runtime</c>, <c>description</c>, <c>backend.url</c>, <c>config</c>.</summary>
internal sealed class ProjectFileReader(string file, NodeChecks checks)
{
    private static readonly string[] KnownKeys = ["name", "runtime", "description", "backend", "config"];

    /// <summary>Reads the project file's root node (null for an empty file).</summary>
    public ProjectFile Read(SourceNode? root)
    {
        var mapping = root is null ? new SourceMapping([], new SourceSpan(file, 1, 1)) : checks.AsMapping(root, "The project file");
        if (mapping is null)
        {
            return new ProjectFile(null, null);
        }

        string? name = null;
        string? backendUrl = null;
        foreach (var entry in mapping.Entries)
        {
            switch (entry.Key.Value)
            {
                case "name":
                    name = ReadName(entry);
                    break;
                case "description":
                    checks.AsText(entry, "the project file", optional: true);
                    break;
                case "backend":
                    backendUrl = ReadBackend(entry);
                    break;
                case "runtime" or "config":
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

        return new ProjectFile(name, backendUrl);
    }

    private string? ReadName(SourceEntry entry)
    {
        var name = checks.AsText(entry, "the project file");
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

    private string? ReadBackend(SourceEntry entry)
    {
        var backend = checks.AsMapping(entry.Value, "'backend'");
        if (backend is null)
        {
            return null;
        }

        string? url = null;
        foreach (var field in backend.Entries)
        {
            if (field.Key.Value != "url")
            {
                checks.Report(DiagnosticCatalog.UnknownKeyIgnored(field.Key.Span, field.Key.Value, file, Suggestions.Closest(field.Key.Value, ["url"])));
                continue;
            }

            var value = checks.AsText(field, "'backend'");
            if (value is null)
            {
                continue;
            }

            if (value.Value.StartsWith("file://", StringComparison.OrdinalIgnoreCase) || value.Value.StartsWith("azblob://", StringComparison.OrdinalIgnoreCase))
            {
                url = value.Value;
            }
            else
            {
                checks.Report(DiagnosticCatalog.InvalidBackendUrl(value.Span, value.Value));
            }
        }

        if (backend.Find("url") is null)
        {
            checks.Report(DiagnosticCatalog.MissingField(entry.Key.Span, "url", "'backend'"));
        }

        return url;
    }
}
