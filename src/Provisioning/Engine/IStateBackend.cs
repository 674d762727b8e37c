using Provisioning.Config;
using Provisioning.State;

namespace Provisioning.Engine;

/// <summary>Where the state of a stack lives: the store its backend (<c>backend.url</c> of <c>Pulumi.yaml</c>) names.</summary>
public interface IStateBackend
{
    /// <summary>The store of <paramref name="stack"/>; a <see cref="FormatException"/> when its backend url cannot be used.</summary>
    IStateStore Open(StackDefinition stack, WorkFolder folder);
}
