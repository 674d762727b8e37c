using Provisioning.Config;

namespace Provisioning.Engine;

/// <summary>What a <see cref="Workspace"/> runs with: how it connects to ARM, where state lives, who is told, and an inline program.</summary>
public sealed record WorkspaceOptions
{
    /// <summary>Connects a stack to the ARM its cloud names; needed by every run that lists or writes (all but loading).</summary>
    public IProviderFactory? Providers { get; init; }

    /// <summary>Where the state lives (default: local files, <see cref="LocalStateBackend"/>).</summary>
    public IStateBackend StateBackend { get; init; } = LocalStateBackend.Instance;

    /// <summary>Who is told what happens (default: nobody, <see cref="EngineObserver.Silent"/>).</summary>
    public EngineObserver Observer { get; init; } = EngineObserver.Silent;

    /// <summary>The program, run in this process, for a project whose <c>Pulumi.yaml</c> says <c>runtime: dotnet</c> (instead of building its <c>main:</c>).</summary>
    public InlineProgram? Program { get; init; }

    /// <summary>
    /// Reads a stack's files (project and stack: name, cloud, backend, and for a YAML stack its registrations and tenants);
    /// default: <see cref="StackLoader.Load(string, string)"/> on the project folder. Tests give stacks that exist only in memory.
    /// </summary>
    public Func<string, StackLoadResult>? StackFiles { get; init; }
}
