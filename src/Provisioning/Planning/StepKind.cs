namespace Provisioning.Planning;

/// <summary>What a step does to a resource.</summary>
public enum StepKind
{
    /// <summary>Already as desired: no request (the state may be brought up to date).</summary>
    Same,

    /// <summary>A PUT for a resource that does not exist.</summary>
    Create,

    /// <summary>A PUT that overwrites a resource whose properties differ.</summary>
    Update,

    /// <summary>A DELETE of a resource the stack manages but no longer wants.</summary>
    Delete,

    /// <summary>No request: the resource leaves the state (already gone, or retained on delete).</summary>
    Forget,

    /// <summary>
    /// No request: the resource already exists in Azure with the desired properties but is not in the state
    /// (a PUT whose answer was lost, or a mapping made by hand); <c>up</c> records it, so that destroy removes it.
    /// </summary>
    Adopt,
}
