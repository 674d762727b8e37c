namespace Provisioning.Sdk;

/// <summary>The options every resource takes: its parent, protection, what removing it does, and its dependencies.</summary>
public abstract class ResourceOptions
{
    private protected ResourceOptions()
    {
    }

    /// <summary>The resource this one belongs to; its URN's type is prefixed by the parent's. Default: none (top level).</summary>
    public Resource? Parent { get; set; }

    /// <summary>Delete and destroy refuse the resource. Default: the parent's value, or false.</summary>
    public bool? Protect { get; set; }

    /// <summary>Removing the resource from the program forgets it without deleting it in the cloud. Default: the parent's value, or false.</summary>
    public bool? RetainOnDelete { get; set; }

    /// <summary>Input names whose changes are not applied (recorded; the engine does not honour it yet and warns).</summary>
    public IList<string> IgnoreChanges { get; set; } = [];

    /// <summary>Resources this one explicitly depends on, beyond its parent.</summary>
    public IList<Resource> DependsOn { get; set; } = [];
}
