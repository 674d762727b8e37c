namespace Provisioning.Model;

/// <summary>Per-resource options from the stack file.</summary>
/// <param name="Protect">Delete and destroy refuse the resource.</param>
/// <param name="RetainOnDelete">Removing the resource from the stack forgets it without a DELETE.</param>
public sealed record ResourceOptions(bool Protect = false, bool RetainOnDelete = false)
{
    /// <summary>No options set.</summary>
    public static ResourceOptions None { get; } = new();
}
