using Provisioning.Diagnostics;
namespace Provisioning.Config;

/// <summary>The <c>cloud</c> and <c>tokenScope</c> keys of a stack file.</summary>
internal sealed partial class StackFileReader
{
    private CloudSpec ReadCloud(SourceEntry? cloudEntry, SourceEntry? scopeEntry)
    {
        var scope = scopeEntry is null ? null : checks.AsText(scopeEntry, "the stack")?.Value;
        var value = cloudEntry is null ? null : checks.AsText(cloudEntry, "the stack");
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

        if (!Uri.TryCreate(value.Value, UriKind.Absolute, out var endpoint))
        {
            checks.Report(DiagnosticCatalog.InvalidCloud(value.Span, value.Value, null));
            return CloudSpec.AzureCloud;
        }

        var secure = endpoint.Scheme == Uri.UriSchemeHttps || (endpoint.Scheme == Uri.UriSchemeHttp && endpoint.IsLoopback);
        if (!secure)
        {
            checks.Report(DiagnosticCatalog.EndpointNotHttps(value.Span, value.Value));
        }

        if (scopeEntry is null)
        {
            checks.Report(DiagnosticCatalog.TokenScopeRequired(value.Span, Qualified(TokenScopeKey)));
        }

        return new CloudSpec(value.Value, endpoint, scope);
    }

    private void WarnIgnoredScope(SourceEntry? scopeEntry, CloudSpec cloud)
    {
        if (scopeEntry is not null)
        {
            checks.Report(DiagnosticCatalog.TokenScopeIgnored(scopeEntry.Key.Span, cloud.Name));
        }
    }
}
