namespace Provisioning.Config;

/// <summary>
/// Which ARM the stack talks to: a named Azure cloud, a custom ARM endpoint with its token scope,
/// or <c>local</c> (the embedded emulator).
/// </summary>
public sealed record CloudSpec(string Name, Uri? ArmEndpoint, string? TokenScope)
{
    /// <summary>The name of the embedded emulator cloud.</summary>
    public const string LocalName = "local";

    /// <summary>True for the embedded emulator.</summary>
    public bool IsLocal => string.Equals(Name, LocalName, StringComparison.OrdinalIgnoreCase);

    /// <summary>The public Azure cloud.</summary>
    public static CloudSpec AzureCloud { get; } = new("AzureCloud", new Uri("https://management.azure.com/"), "https://management.azure.com/.default");

    /// <summary>Azure operated by 21Vianet.</summary>
    public static CloudSpec AzureChinaCloud { get; } = new("AzureChinaCloud", new Uri("https://management.chinacloudapi.cn/"), "https://management.chinacloudapi.cn/.default");

    /// <summary>Azure Government.</summary>
    public static CloudSpec AzureUSGovernment { get; } = new("AzureUSGovernment", new Uri("https://management.usgovcloudapi.net/"), "https://management.usgovcloudapi.net/.default");

    /// <summary>The embedded emulator; its endpoint is known only once it has started.</summary>
    public static CloudSpec Local { get; } = new(LocalName, null, null);

    /// <summary>The named clouds, by name (case-insensitive).</summary>
    public static IReadOnlyDictionary<string, CloudSpec> Named { get; } =
        new Dictionary<string, CloudSpec>(StringComparer.OrdinalIgnoreCase)
        {
            [AzureCloud.Name] = AzureCloud,
            [AzureChinaCloud.Name] = AzureChinaCloud,
            [AzureUSGovernment.Name] = AzureUSGovernment,
            [Local.Name] = Local,
        };
}
