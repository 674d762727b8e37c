using Provisioning.Config;
using Provisioning.Engine;
using Provisioning.State;

namespace Provisioning.Cli.Engine;

/// <summary>
/// <c>import --write</c>: shows the run as <paramref name="inner"/> does and, once the import is confirmed (by
/// <c>--yes</c> or the person at the terminal), adds what it adopts to the stack file (<see cref="StackFileImport"/>). That
/// moment is after the mappings are known and before the state is written, so a stack file that cannot be edited stops the
/// import with nothing recorded — as <c>--out</c> is written before the state.
/// </summary>
internal sealed class StackFileWritingObserver(EngineObserver inner, string directory, bool yes) : ForwardingObserver(inner)
{
    private StackDefinition? _stack;
    private IReadOnlyList<ResourceState> _adopted = [];

    /// <summary>How many tenants were added to the stack file or given registrations (0 until the import is confirmed).</summary>
    public int Written { get; private set; }

    /// <inheritdoc />
    public override bool CanConfirm => yes || Inner.CanConfirm;

    /// <inheritdoc />
    public override void OnStart(RunKind kind, StackDefinition stack, string endpoint)
    {
        _stack = stack;
        Inner.OnStart(kind, stack, endpoint);
    }

    /// <inheritdoc />
    public override void OnImport(IReadOnlyList<ResourceState> adopted)
    {
        _adopted = adopted;
        Inner.OnImport(adopted);
    }

    /// <inheritdoc />
    public override async Task<bool> ConfirmAsync(RunKind kind, string question, CancellationToken cancellationToken)
    {
        if (!yes && !await Inner.ConfirmAsync(kind, question, cancellationToken))
        {
            return false;
        }

        // The file before the state: if it cannot be written, this throws and the import records nothing.
        Written = StackFileImport.Write(directory, _stack ?? throw new InvalidOperationException("The import asked before it started."), _adopted);
        return true;
    }
}
