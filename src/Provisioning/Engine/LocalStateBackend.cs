using Provisioning.Config;
using Provisioning.State;

namespace Provisioning.Engine;

/// <summary>
/// State files in the work folder (<c>.provision/stacks/&lt;project&gt;/&lt;stack&gt;.json</c>), or in the folder of a
/// <c>file://</c> backend. A stack whose backend is not a folder is refused: another backend (Azure Blob) needs its own.
/// </summary>
public sealed class LocalStateBackend : IStateBackend
{
    /// <summary>The one instance.</summary>
    public static LocalStateBackend Instance { get; } = new();

    /// <inheritdoc />
    public IStateStore Open(StackDefinition stack, WorkFolder folder)
    {
        ArgumentNullException.ThrowIfNull(stack);
        ArgumentNullException.ThrowIfNull(folder);
        if (stack.BackendUrl is { } url && !url.StartsWith(BackendUrls.FileScheme, StringComparison.OrdinalIgnoreCase))
        {
            throw new FormatException($"the backend '{Diagnostics.DiagnosticCatalog.Excerpt(url, 200)}' needs a state backend this engine was not given (only file:// state is local).");
        }

        return new LocalFileStateStore(folder.StatePath(stack.Project, stack.Stack), new StateIdentity(stack.Project, stack.Stack));
    }
}
