namespace Provisioning.Planning;

/// <summary>Whether the plan converges to the stack (<c>up</c>) or removes everything the stack manages (<c>destroy</c>).</summary>
public enum PlanMode
{
    /// <summary>Make the world match the desired resources.</summary>
    Update,

    /// <summary>Delete every resource in the state.</summary>
    Destroy,
}
