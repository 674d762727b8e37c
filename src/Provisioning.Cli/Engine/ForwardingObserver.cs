using Provisioning.Config;
using Provisioning.Diagnostics;
using Provisioning.Engine;
using Provisioning.Execution;
using Provisioning.Planning;
using Provisioning.State;

namespace Provisioning.Cli.Engine;

/// <summary>An observer that passes everything to <paramref name="inner"/>: the base of one that changes a single part of how a run is shown.</summary>
internal abstract class ForwardingObserver(EngineObserver inner) : EngineObserver
{
    /// <summary>The observer everything is passed to.</summary>
    protected EngineObserver Inner { get; } = inner;

    /// <inheritdoc />
    public override bool CanConfirm => Inner.CanConfirm;

    /// <inheritdoc />
    public override void OnProgramOutput(string line) => Inner.OnProgramOutput(line);

    /// <inheritdoc />
    public override void OnDiagnostic(Diagnostic diagnostic) => Inner.OnDiagnostic(diagnostic);

    /// <inheritdoc />
    public override void OnMessage(string text, bool warning) => Inner.OnMessage(text, warning);

    /// <inheritdoc />
    public override void OnPhase(string name, TimeSpan elapsed) => Inner.OnPhase(name, elapsed);

    /// <inheritdoc />
    public override void OnStart(RunKind kind, StackDefinition stack, string endpoint) => Inner.OnStart(kind, stack, endpoint);

    /// <inheritdoc />
    public override Task<RefreshResult> RefreshingAsync(Func<IProgress<RefreshProgress>?, Task<RefreshResult>> refresh) => Inner.RefreshingAsync(refresh);

    /// <inheritdoc />
    public override void OnPlan(RunKind kind, Plan plan, IReadOnlyList<string> warnings, IReadOnlyList<DriftedResource> drift) => Inner.OnPlan(kind, plan, warnings, drift);

    /// <inheritdoc />
    public override void OnImport(IReadOnlyList<ResourceState> adopted) => Inner.OnImport(adopted);

    /// <inheritdoc />
    public override Task<bool> ConfirmAsync(RunKind kind, string question, CancellationToken cancellationToken) => Inner.ConfirmAsync(kind, question, cancellationToken);

    /// <inheritdoc />
    public override Task<ExecutionResult> ApplyingAsync(int changes, Func<IProgress<StepEvent>?, Task<ExecutionResult>> apply) => Inner.ApplyingAsync(changes, apply);
}
