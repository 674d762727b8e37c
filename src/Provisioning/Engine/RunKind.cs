namespace Provisioning.Engine;

/// <summary>What a run of a stack does (one per verb).</summary>
public enum RunKind
{
    /// <summary>Show what would change; changes nothing.</summary>
    Preview,

    /// <summary>Make ARM match the stack.</summary>
    Up,

    /// <summary>Delete everything the stack manages.</summary>
    Destroy,

    /// <summary>Read what exists in ARM into the state.</summary>
    Refresh,

    /// <summary>Adopt the mappings that exist in ARM under the stack's registrations into its state.</summary>
    Import,
}
