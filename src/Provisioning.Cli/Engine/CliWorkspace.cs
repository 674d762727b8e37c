using Provisioning.Azure.State;
using Provisioning.Engine;

namespace Provisioning.Cli.Engine;

/// <summary>The composition of the CLI: the engine's workspace with the ARM client (or embedded emulator) and the state backends <c>provision</c> knows.</summary>
internal static class CliWorkspace
{
    /// <summary>The workspace of a project folder, shown by <paramref name="observer"/>.</summary>
    public static Workspace Open(string directory, IProviderFactory providers, EngineObserver observer) =>
        new(directory, new WorkspaceOptions
        {
            Providers = providers,
            StateBackend = new AzureStateBackend { CredentialKind = (providers as DefaultProviderFactory)?.CredentialKind },
            Observer = observer,
        });

    /// <summary>Where <c>--verbose</c> writes the time each phase took (null without it).</summary>
    public static Action<string>? PhaseLog(IProviderFactory providers) => (providers as DefaultProviderFactory)?.HttpLog;
}
