using Provisioning.Planning;

namespace Provisioning.Execution;

/// <summary>Progress of one step, reported as it happens.</summary>
public sealed record StepEvent(Step Step, StepStatus Status, string? Error = null);
