using Provisioning.Diagnostics;
namespace Provisioning.Config;

/// <summary>The <c>cloud</c> and <c>tokenScope</c> keys of a stack file.</summary>
internal sealed partial class StackFileReader
{
    private const string DefaultScopeSuffix = "/.default";

    private CloudSpec ReadCloud(SourceEntry? cloudEntry, SourceEntry? scopeEntry)
    {
        var scope = scopeEntry is null ? null : ReadTokenScope(scopeEntry);
        var value = cloudEntry is null ? null : checks.AsValue(cloudEntry, "the stack");
        if (value is null)
        {
            // No cloud (or a broken one, already reported) means the public cloud.
            WarnIgnoredScope(scopeEntry, CloudSpec.AzureCloud);
            return CloudSpec.AzureCloud;
        }

        if (CloudSpec.Named.TryGetValue(value.Value, out var named))
        {
            WarnIgnoredScope(scopeEntry, named);
            return named;
        }

        if (!value.Value.Contains("://", StringComparison.Ordinal))
        {
            checks.Report(DiagnosticCatalog.InvalidCloud(value.Span, value.Value, Suggestions.Closest(value.Value, CloudSpec.Named.Keys)));
            return CloudSpec.AzureCloud;
        }

        if (!Uri.TryCreate(value.Value, UriKind.Absolute, out var endpoint) || endpoint.Query.Length > 0 || endpoint.Fragment.Length > 0)
        {
            checks.Report(DiagnosticCatalog.InvalidCloud(value.Span, value.Value, null));
            return CloudSpec.AzureCloud;
        }

        var secure = endpoint.Scheme == Uri.UriSchemeHttps || (endpoint.Scheme == Uri.UriSchemeHttp && endpoint.IsLoopback);
        if (!secure)
        {
            checks.Report(DiagnosticCatalog.EndpointNotHttps(value.Span, value.Value));
        }

        // docs/azure.md: a custom endpoint's scope is {endpoint}/.default unless one is given.
        return new CloudSpec(value.Value, endpoint, scope ?? endpoint.AbsoluteUri.TrimEnd('/') + DefaultScopeSuffix);
    }

    /// <summary>The token scope: an https URL (an audience) or any scope ending in <c>/.default</c>; null after reporting otherwise.</summary>
    private string? ReadTokenScope(SourceEntry entry)
    {
        var scope = checks.AsValue(entry, "the stack");
        if (scope is null)
        {
            return null;
        }

        var isHttpsUrl = Uri.TryCreate(scope.Value, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && !scope.Value.Contains(' ', StringComparison.Ordinal);
        var isDefaultScope = scope.Value.Length > DefaultScopeSuffix.Length
            && scope.Value.EndsWith(DefaultScopeSuffix, StringComparison.Ordinal)
            && !scope.Value.Contains(' ', StringComparison.Ordinal);
        if (!isHttpsUrl && !isDefaultScope)
        {
            checks.Report(DiagnosticCatalog.InvalidTokenScope(scope.Span, scope.Value));
            return null;
        }

        return scope.Value;
    }

    private void WarnIgnoredScope(SourceEntry? scopeEntry, CloudSpec cloud)
    {
        if (scopeEntry is not null)
        {
            checks.Report(DiagnosticCatalog.TokenScopeIgnored(scopeEntry.Key.Span, cloud.Name));
        }
    }
}
