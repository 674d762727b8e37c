namespace Provisioning.ArmEmulator;

/// <summary>The kind of an ARM request, as ARM counts it for throttling: reads, writes and deletes.</summary>
public enum ArmOperationKind
{
    /// <summary>GET and HEAD.</summary>
    Read,

    /// <summary>PUT, PATCH and POST.</summary>
    Write,

    /// <summary>DELETE.</summary>
    Delete,
}
