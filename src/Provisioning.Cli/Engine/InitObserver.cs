using Provisioning.Engine;
using Provisioning.State;

namespace Provisioning.Cli.Engine;

/// <summary>
/// init: shows the run as <paramref name="inner"/> does, but not the import's list of every mapping it records — init
/// declared each of them in the file it just wrote, and says how many were recorded.
/// </summary>
internal sealed class InitObserver(EngineObserver inner) : ForwardingObserver(inner)
{
    /// <inheritdoc />
    public override void OnImport(IReadOnlyList<ResourceState> adopted)
    {
    }
}
