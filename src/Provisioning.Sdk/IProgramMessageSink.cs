using Provisioning.Programs;

namespace Provisioning.Sdk;

/// <summary>Where a program run hands its one message: a file for the engine (<see cref="FileProgramMessageSink"/>) or memory (<see cref="MemoryProgramMessageSink"/>).</summary>
public interface IProgramMessageSink
{
    /// <summary>Hands over <paramref name="message"/>; called once per run.</summary>
    Task WriteAsync(ProgramMessage message, CancellationToken cancellationToken = default);
}
