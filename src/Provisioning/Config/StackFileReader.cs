using Provisioning.Diagnostics;
namespace Provisioning.Config;

/// <summary>
/// Validates the tree of <c>Pulumi.&lt;stack&gt;.yaml</c>: the <c>config</c> mapping with keys namespaced by the
/// project (<c>cloud</c>, <c>tokenScope</c>, <c>registrations</c>, <c>tenants</c>); other namespaces are ignored,
/// unless they hold our keys while the project's namespace holds none (a renamed project).
/// </summary>
internal sealed partial class StackFileReader(string file, ProjectFile projectFile, NodeChecks checks)
{
    internal const string CloudKey = "cloud";
    internal const string TokenScopeKey = "tokenScope";
    internal const string RegistrationsKey = "registrations";
    internal const string TenantsKey = "tenants";

    internal static readonly string[] KnownKeys = [CloudKey, TokenScopeKey, RegistrationsKey, TenantsKey];

    // Pulumi's own stack-file keys: not ours, but not mistakes either.
    private static readonly string[] PulumiTopLevelKeys = ["config", "secretsprovider", "encryptedkey", "encryptionsalt", "environment"];

    private readonly string? project = projectFile.Name;

    /// <summary>Reads the stack file's root node (null for an empty file); null after reporting an empty file.</summary>
    public StackFileContent? Read(SourceNode? root)
    {
        if (root is null or SourceScalar { IsNull: true })
        {
            checks.Report(DiagnosticCatalog.StackFileEmpty(file));
            return null;
        }

        var top = checks.AsMapping(root, "The stack file");
        foreach (var entry in top?.Entries.Where(e => !PulumiTopLevelKeys.Contains(e.Key.Value)) ?? [])
        {
            checks.Report(DiagnosticCatalog.UnknownKeyIgnored(entry.Key.Span, entry.Key.Value, file, Suggestions.Closest(entry.Key.Value, PulumiTopLevelKeys)));
        }

        if (top is null)
        {
            return null;
        }

        // Pulumi would merge an ESC environment's config into the stack's: ignoring it would change what the stack means.
        if (top.Find("environment") is { Value: not SourceScalar { IsNull: true } } environment)
        {
            checks.Report(DiagnosticCatalog.EnvironmentUnsupported(environment.Key.Span));
        }

        var configEntry = top.Find("config");
        var config = configEntry is null || configEntry.Value is SourceScalar { IsNull: true }
            ? null
            : checks.AsMapping(configEntry.Value, "'config'");
        var ours = new Dictionary<string, SourceEntry>(StringComparer.Ordinal);
        var foreign = new List<SourceEntry>();
        foreach (var entry in config?.Entries ?? [])
        {
            Classify(entry, ours, foreign);
        }

        // A renamed project: our sections under another namespace, not under the project's. Name both places.
        var excused = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in foreign)
        {
            var name = entry.Key.Value[(entry.Key.Value.IndexOf(':', StringComparison.Ordinal) + 1)..];
            if (!ours.ContainsKey(name) && excused.Add(name))
            {
                checks.Report(DiagnosticCatalog.ForeignNamespace(entry.Key.Span, entry.Key.Value, project!, projectFile.NameSpan));
            }
        }

        var anchor = configEntry?.Key.Span ?? new SourceSpan(file, 1, 1);
        var cloud = ReadCloud(Effective(CloudKey, ours, anchor), Effective(TokenScopeKey, ours, anchor));
        var declared = new HashSet<string>(StringComparer.Ordinal);
        var registrations = ReadRegistrations(ours.GetValueOrDefault(RegistrationsKey), anchor, declared, excused.Contains(RegistrationsKey));
        var tenants = ReadTenants(ours.GetValueOrDefault(TenantsKey), anchor, declared, excused.Contains(TenantsKey));
        return new StackFileContent(cloud, registrations, tenants);
    }

    /// <summary>The stack's entry for <paramref name="key"/>, else the project's default (Pulumi: the stack wins); reports a declared key without default that the stack does not set.</summary>
    private SourceEntry? Effective(string key, Dictionary<string, SourceEntry> ours, SourceSpan anchor)
    {
        if (ours.TryGetValue(key, out var entry))
        {
            return entry;
        }

        if (!projectFile.Config.TryGetValue(key, out var fallback))
        {
            return null;
        }

        if (fallback is null)
        {
            checks.Report(DiagnosticCatalog.MissingField(anchor, Qualified(key), "the stack (Pulumi.yaml declares it without a default)"));
        }

        return fallback;
    }

    private void Classify(SourceEntry entry, Dictionary<string, SourceEntry> ours, List<SourceEntry> foreign)
    {
        var key = entry.Key.Value;
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            checks.Report(DiagnosticCatalog.KeyWithoutNamespace(entry.Key.Span, key, project));
            return;
        }

        var ns = key[..colon];
        var name = key[(colon + 1)..];
        var isOurs = project is null ? KnownKeys.Contains(name) : ns == project;
        if (isOurs)
        {
            if (KnownKeys.Contains(name))
            {
                ours[name] = entry;
            }
            else
            {
                var closest = Suggestions.Closest(name, KnownKeys);
                checks.Report(DiagnosticCatalog.UnknownConfigKey(entry.Key.Span, key, closest is null ? null : $"{ns}:{closest}"));
            }

            return;
        }

        // Another namespace (azure-native:location…) is none of our business, unless it is a near miss of ours…
        var closestName = KnownKeys.Contains(name) ? name : Suggestions.Closest(name, KnownKeys);
        if (project is not null && closestName is not null && Suggestions.Closest(ns, [project]) is not null)
        {
            checks.Report(DiagnosticCatalog.UnknownConfigKey(entry.Key.Span, key, $"{project}:{closestName}"));
        }
        else if (project is not null && name is RegistrationsKey or TenantsKey)
        {
            // …or holds our sections: the stack was written for a project of another name.
            foreign.Add(entry);
        }
    }

    private string Qualified(string name) => project is null ? name : $"{project}:{name}";

    /// <summary>
    /// The value of a section (registrations, tenants) as a mapping. Missing or null is an error (PRV041, unless
    /// <paramref name="excused"/> by a clearer one): a file cut short must not read as "manage nothing". An explicit
    /// <c>{}</c> is legal and gets <paramref name="empty"/>'s warning. Null for all but a non-empty mapping.
    /// </summary>
    private SourceMapping? ReadSection(SourceEntry? entry, string key, SourceSpan anchor, bool excused, Func<SourceSpan, string, Diagnostic> empty)
    {
        if (entry is null || entry.Value is SourceScalar { IsNull: true })
        {
            if (!excused)
            {
                checks.Report(DiagnosticCatalog.SectionMissing(entry?.Key.Span ?? anchor, Qualified(key), present: entry is not null));
            }

            return null;
        }

        var mapping = checks.AsMapping(entry.Value, $"'{Qualified(key)}'");
        if (mapping is { Entries.Count: 0 })
        {
            checks.Report(empty(entry.Key.Span, Qualified(key)));
            return null;
        }

        return mapping;
    }
}
