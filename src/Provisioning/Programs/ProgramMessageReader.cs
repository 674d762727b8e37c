using System.Text.Json;
using Provisioning.Diagnostics;

namespace Provisioning.Programs;

/// <summary>
/// Reads the message a program wrote, strictly: the format version first (an unknown one is refused by name), then the
/// shape (no unknown field, no missing one, no wrong type), then every value (<see cref="ProgramMessageValidator"/>).
/// </summary>
public static class ProgramMessageReader
{
    /// <summary>Reads <paramref name="utf8Json"/>; <paramref name="file"/> names the message in diagnostics.</summary>
    public static ProgramReadResult Read(ReadOnlySpan<byte> utf8Json, string file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var whole = SourceSpan.WholeFile(file);
        JsonDocument document;
        try
        {
            if (utf8Json.IsEmpty)
            {
                return Failed(ProgramMessageDiagnostics.Damaged(whole, "it is empty."));
            }

            // A field written twice could be read one way here and another way elsewhere: refuse it.
            document = JsonDocument.Parse(utf8Json.ToArray(), new JsonDocumentOptions { AllowDuplicateProperties = false });
        }
        catch (JsonException e)
        {
            var span = e.LineNumber is { } line ? new SourceSpan(file, (int)line + 1, (int)(e.BytePositionInLine ?? 0) + 1) : whole;
            return Failed(ProgramMessageDiagnostics.Damaged(span, FirstSentence(e.Message)));
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Failed(ProgramMessageDiagnostics.Damaged(whole, $"it is a JSON {root.ValueKind.ToString().ToLowerInvariant()}, not an object."));
            }

            // The version decides the shape: look at it before anything else, so a newer message is named, not misread.
            if (!root.TryGetProperty("format", out var format) || format.ValueKind != JsonValueKind.String)
            {
                return Failed(DiagnosticCatalog.ProgramMessageInvalidField(whole, "format", $"it must be the text '{ProgramMessage.CurrentFormat}'."));
            }

            if (format.GetString() != ProgramMessage.CurrentFormat)
            {
                return Failed(DiagnosticCatalog.ProgramMessageFormatUnknown(whole, format.GetString()!, ProgramMessage.CurrentFormat));
            }

            ProgramMessage? message;
            try
            {
                message = root.Deserialize(ProgramMessageJsonContext.Default.ProgramMessage);
            }
            catch (JsonException e)
            {
                var at = string.IsNullOrEmpty(e.Path) ? string.Empty : $" (at {e.Path})";
                return Failed(ProgramMessageDiagnostics.Damaged(whole, FirstSentence(e.Message) + at));
            }

            if (message is null)
            {
                return Failed(ProgramMessageDiagnostics.Damaged(whole, "it is null."));
            }

            var problems = ProgramMessageValidator.Validate(message, whole);
            return new ProgramReadResult(problems.Count == 0 ? message : null, problems);
        }
    }

    private static ProgramReadResult Failed(Diagnostic diagnostic) => new(null, [diagnostic]);

    // System.Text.Json appends paths and advice to its messages; the first sentence is the part a user can act on.
    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }
}
