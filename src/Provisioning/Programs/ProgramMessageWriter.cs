using System.Text.Encodings.Web;
using System.Text.Json;

namespace Provisioning.Programs;

/// <summary>Writes a <see cref="ProgramMessage"/> as the UTF-8 JSON that <see cref="ProgramMessageReader"/> reads.</summary>
public static class ProgramMessageWriter
{
    // The message is a file for the engine and for a person debugging, never HTML: quotes and non-ASCII stay readable.
    private static readonly ProgramMessageJsonContext Context = new(new JsonSerializerOptions(ProgramMessageJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>The message as indented UTF-8 JSON; every field is written, null ones as <c>null</c>.</summary>
    public static byte[] Write(ProgramMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return JsonSerializer.SerializeToUtf8Bytes(message, Context.ProgramMessage);
    }
}
