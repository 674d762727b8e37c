using Provisioning.Diagnostics;
namespace Provisioning.Config;

/// <summary>
/// Validates the tree of <c>Pulumi.&lt;stack&gt;.yaml</c>: the <c>config</c> mapping with keys namespaced by the
/// project (<c>cloud</c>, <c>tokenScope</c>, <c>registrations</c>, <c>tenants</c>); other namespaces are ignored.
/// </summary>
internal sealed partial class StackFileReader(string file, string? project, NodeChecks checks)
{
    private const string CloudKey = "cloud";
    private const string TokenScopeKey = "tokenScope";
    private const string RegistrationsKey = "registrations";
    private const string TenantsKey = "tenants";

    private static readonly string[] KnownKeys = [CloudKey, TokenScopeKey, RegistrationsKey, TenantsKey];

    // Pulumi's own stack-file keys: not ours, but not mistakes either.
    private static readonly string[] PulumiTopLevelKeys = ["config", "secretsprovider", "encryptedkey", "encryptionsalt", "environment"];

    /// <summary>Reads the stack file's root node (null for an empty file).</summary>
    public StackFileContent Read(SourceNode? root)
    {
        var top = root is null ? null : checks.AsMapping(root, "The stack file");
        foreach (var entry in top?.Entries.Where(e => !PulumiTopLevelKeys.Contains(e.Key.Value)) ?? [])
        {
            checks.Report(DiagnosticCatalog.UnknownKeyIgnored(entry.Key.Span, entry.Key.Value, file, Suggestions.Closest(entry.Key.Value, PulumiTopLevelKeys)));
        }

        var configEntry = top?.Find("config");
        var config = configEntry is null || configEntry.Value is SourceScalar { IsNull: true }
            ? null
            : checks.AsMapping(configEntry.Value, "'config'");
        var ours = new Dictionary<string, SourceEntry>(StringComparer.Ordinal);
        foreach (var entry in config?.Entries ?? [])
        {
            Classify(entry, ours);
        }

        var anchor = configEntry?.Key.Span ?? new SourceSpan(file, 1, 1);
        var cloud = ReadCloud(ours.GetValueOrDefault(CloudKey), ours.GetValueOrDefault(TokenScopeKey));
        var declared = new HashSet<string>(StringComparer.Ordinal);
        var registrations = ReadRegistrations(ours.GetValueOrDefault(RegistrationsKey), anchor, declared);
        var tenants = ReadTenants(ours.GetValueOrDefault(TenantsKey), anchor, declared);
        return new StackFileContent(cloud, registrations, tenants);
    }

    private void Classify(SourceEntry entry, Dictionary<string, SourceEntry> ours)
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

        // Another namespace (azure-native:location…) is none of our business, unless it is a near miss of ours.
        var closestName = KnownKeys.Contains(name) ? name : Suggestions.Closest(name, KnownKeys);
        if (project is not null && closestName is not null && Suggestions.Closest(ns, [project]) is not null)
        {
            checks.Report(DiagnosticCatalog.UnknownConfigKey(entry.Key.Span, key, $"{project}:{closestName}"));
        }
    }

    private string Qualified(string name) => project is null ? name : $"{project}:{name}";
}
