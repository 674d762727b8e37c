namespace Provisioning.EndToEnd.Tests.Safety;

/// <summary>Tests that set process-wide environment variables run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironment
{
    public const string Name = "Process environment";
}
