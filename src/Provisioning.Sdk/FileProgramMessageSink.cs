using Provisioning.Programs;

namespace Provisioning.Sdk;

/// <summary>
/// Writes the message to a file atomically: to a temporary file beside it, flushed to disk, then moved over it, so the
/// engine sees the whole message or none.
/// </summary>
/// <param name="path">The file the engine named in <c>PROVISION_PROGRAM_OUTPUT</c>.</param>
public sealed class FileProgramMessageSink(string path) : IProgramMessageSink
{
    /// <summary>The file written.</summary>
    public string Path { get; } = path ?? throw new ArgumentNullException(nameof(path));

    /// <inheritdoc />
    public async Task WriteAsync(ProgramMessage message, CancellationToken cancellationToken = default)
    {
        var bytes = ProgramMessageWriter.Write(message);
        var target = System.IO.Path.GetFullPath(Path);
        var temporary = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(target)!, $".{System.IO.Path.GetFileName(target)}.{Environment.ProcessId}.tmp");
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 4096, FileOptions.WriteThrough))
            {
                await stream.WriteAsync(bytes, cancellationToken);
                await stream.FlushAsync(cancellationToken);
            }

            File.Move(temporary, target, overwrite: true);
        }
        catch
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }

            throw;
        }
    }
}
