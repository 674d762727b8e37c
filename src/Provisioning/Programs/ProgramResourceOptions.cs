namespace Provisioning.Programs;

/// <summary>The resource options a program gave one resource.</summary>
/// <param name="Protect">Delete and destroy refuse the resource.</param>
/// <param name="RetainOnDelete">Removing the resource forgets it without a DELETE.</param>
/// <param name="IgnoreChanges">Input names whose changes the program asked to ignore.</param>
/// <param name="DependsOn">URNs of resources this one explicitly depends on.</param>
public sealed record ProgramResourceOptions(
    bool Protect,
    bool RetainOnDelete,
    IReadOnlyList<string> IgnoreChanges,
    IReadOnlyList<string> DependsOn)
{
    /// <summary>No option set.</summary>
    public static ProgramResourceOptions None { get; } = new(false, false, [], []);
}
