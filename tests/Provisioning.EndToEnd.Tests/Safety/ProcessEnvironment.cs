namespace Provisioning.EndToEnd.Tests.Safety;

/// <summary>
/// Tests that set process-wide environment variables run one at a time, after the parallel ones; they share this run's
/// Azurite (started only when a test asks for it, stopped when the collection ends).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironment : ICollectionFixture<Azurite>
{
    public const string Name = "Process environment";
}
