namespace Provisioning.Export;

/// <summary>Which Azure an export targets, as the exporters' providers name it.</summary>
public enum ExportCloudKind
{
    /// <summary>The embedded emulator (<c>cloud: local</c>): no cloud is written, so the tool's own default applies.</summary>
    Local,

    /// <summary>Public Azure (<c>AzureCloud</c>).</summary>
    Public,

    /// <summary>Azure operated by 21Vianet (<c>AzureChinaCloud</c>).</summary>
    China,

    /// <summary>Azure Government (<c>AzureUSGovernment</c>).</summary>
    UsGovernment,

    /// <summary>Any other ARM endpoint (Azure Stack Hub, a private cloud) with its token audience.</summary>
    Custom,
}
