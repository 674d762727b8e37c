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
}
