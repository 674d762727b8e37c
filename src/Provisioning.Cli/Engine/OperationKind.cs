namespace Provisioning.Cli.Engine;

/// <summary>Which verb is running.</summary>
internal enum OperationKind
{
    /// <summary>Show what would change.</summary>
    Preview,

    /// <summary>Make ARM match the stack.</summary>
    Up,

    /// <summary>Delete everything the stack manages.</summary>
    Destroy,

    /// <summary>Read what exists in ARM into the state.</summary>
    Refresh,
}
