using System.Runtime.CompilerServices;

namespace Provisioning.Sdk.AzureStack;

/// <summary>One tenant on one registration, billed to one customer subscription.</summary>
public sealed class TenantMappingArgs
{
    /// <summary>A mapping; the caller's file and line are recorded, so diagnostics name the line that declared it.</summary>
    public TenantMappingArgs([CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        CallerFile = callerFile;
        CallerLine = callerLine;
    }

    /// <summary>The tenant's short name; the mapping's resource is named <c>{registration}-{Name}</c>.</summary>
    public required string Name { get; set; }

    /// <summary>The tenant's directory id (a GUID).</summary>
    public required string TenantId { get; set; }

    /// <summary>The customer subscription its usage is billed to (a GUID).</summary>
    public required string SubscriptionId { get; set; }

    /// <summary>Delete and destroy refuse the mapping. Default: the TenantRegistration's option, or false.</summary>
    public bool? Protect { get; set; }

    /// <summary>Removing the mapping forgets it without a DELETE. Default: the TenantRegistration's option, or false.</summary>
    public bool? RetainOnDelete { get; set; }

    internal string CallerFile { get; }

    internal int CallerLine { get; }
}
