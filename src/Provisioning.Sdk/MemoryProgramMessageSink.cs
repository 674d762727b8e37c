using Provisioning.Programs;

namespace Provisioning.Sdk;

/// <summary>Keeps the message in memory, exactly as it would be written (for inline programs and tests).</summary>
public sealed class MemoryProgramMessageSink : IProgramMessageSink
{
    /// <summary>The message handed over, or null before the run ends.</summary>
    public ProgramMessage? Message { get; private set; }

    /// <summary>The message's JSON, byte for byte what the file would hold.</summary>
    public ReadOnlyMemory<byte> Json { get; private set; }

    /// <inheritdoc />
    public Task WriteAsync(ProgramMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        Json = ProgramMessageWriter.Write(message);
        Message = message;
        return Task.CompletedTask;
    }
}
