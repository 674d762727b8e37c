using Provisioning.Config;

namespace Provisioning.Export;

/// <summary>
/// The cloud an export targets, derived once from the stack's <see cref="CloudSpec"/> so that every exporter
/// names the same cloud. A custom endpoint whose endpoint and token scope are exactly a named cloud's is that cloud.
/// </summary>
public sealed record ExportCloud(ExportCloudKind Kind, Uri? ResourceManagerEndpoint, string? Audience)
{
    private const string DefaultScopeSuffix = "/.default";

    /// <summary>The cloud of the embedded emulator: nothing is written about the cloud.</summary>
    public static ExportCloud Local { get; } = new(ExportCloudKind.Local, null, null);

    /// <summary>
    /// The environment name both the azapi provider and azure-native accept (<c>public</c>, <c>usgovernment</c>,
    /// <c>china</c>); null for a custom endpoint and for the emulator.
    /// </summary>
    public string? Environment => Kind switch
    {
        ExportCloudKind.Public => "public",
        ExportCloudKind.China => "china",
        ExportCloudKind.UsGovernment => "usgovernment",
        _ => null,
    };

    /// <summary>The line a generated file's header carries to say which cloud it targets; null for the emulator.</summary>
    public string? Description => Kind switch
    {
        ExportCloudKind.Public => $"{CloudSpec.AzureCloud.Name} (public Azure)",
        ExportCloudKind.China => $"{CloudSpec.AzureChinaCloud.Name} (Azure operated by 21Vianet)",
        ExportCloudKind.UsGovernment => $"{CloudSpec.AzureUSGovernment.Name} (Azure Government)",
        ExportCloudKind.Custom => $"the custom ARM endpoint {ResourceManagerEndpoint!.AbsoluteUri}",
        _ => null,
    };

    /// <summary>Classifies <paramref name="cloud"/>: local, one of the named clouds, or a custom endpoint with its audience.</summary>
    public static ExportCloud From(CloudSpec cloud)
    {
        ArgumentNullException.ThrowIfNull(cloud);
        if (cloud.IsLocal || cloud.ArmEndpoint is null)
        {
            return Local;
        }

        ReadOnlySpan<(CloudSpec Named, ExportCloudKind Kind)> named =
        [
            (CloudSpec.AzureCloud, ExportCloudKind.Public),
            (CloudSpec.AzureChinaCloud, ExportCloudKind.China),
            (CloudSpec.AzureUSGovernment, ExportCloudKind.UsGovernment),
        ];
        foreach (var (spec, kind) in named)
        {
            if (SameEndpoint(spec.ArmEndpoint!, cloud.ArmEndpoint) && string.Equals(spec.TokenScope, cloud.TokenScope, StringComparison.OrdinalIgnoreCase))
            {
                return new ExportCloud(kind, spec.ArmEndpoint, AudienceOf(spec.TokenScope!));
            }
        }

        var scope = cloud.TokenScope ?? cloud.ArmEndpoint.AbsoluteUri.TrimEnd('/') + DefaultScopeSuffix;
        return new ExportCloud(ExportCloudKind.Custom, cloud.ArmEndpoint, AudienceOf(scope));
    }

    // A v2 scope is "{resource}/.default" (so "https://x//.default" names the resource "https://x/");
    // the tools want the resource itself. A scope given as a bare audience is already one.
    private static string AudienceOf(string scope) =>
        scope.EndsWith(DefaultScopeSuffix, StringComparison.OrdinalIgnoreCase) ? scope[..^DefaultScopeSuffix.Length] : scope;

    private static bool SameEndpoint(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.Authority, b.Authority, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.AbsolutePath.TrimEnd('/'), b.AbsolutePath.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
}
