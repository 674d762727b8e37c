namespace Provisioning.ArmEmulator;

/// <summary>Classifies requests into ARM's operation kinds and names them as ARM's headers and messages do.</summary>
internal static class ArmOperationKinds
{
    /// <summary>Returns the kind of an HTTP method: GET/HEAD read, DELETE delete, everything else write.</summary>
    public static ArmOperationKind Of(string method) =>
        HttpMethods.IsGet(method) || HttpMethods.IsHead(method) ? ArmOperationKind.Read
        : HttpMethods.IsDelete(method) ? ArmOperationKind.Delete
        : ArmOperationKind.Write;

    /// <summary>Returns the singular lower-case name used in throttling messages: read, write, delete.</summary>
    public static string Singular(ArmOperationKind kind) => kind switch
    {
        ArmOperationKind.Read => "read",
        ArmOperationKind.Delete => "delete",
        _ => "write",
    };

    /// <summary>Returns the plural lower-case name used in rate-limit headers: reads, writes, deletes.</summary>
    public static string Plural(ArmOperationKind kind) => Singular(kind) + "s";
}
