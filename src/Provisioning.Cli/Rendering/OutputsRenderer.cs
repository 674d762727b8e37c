using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Provisioning.Programs;
using Spectre.Console;

namespace Provisioning.Cli.Rendering;

/// <summary>
/// The stack outputs for people, as Pulumi prints them after <c>up</c>: an <c>Outputs:</c> header, then one line per output,
/// names aligned, values as compact JSON; a secret is shown as <c>[secret]</c> (its clear text never reaches provision).
/// </summary>
internal static class OutputsRenderer
{
    /// <summary>What a secret output shows instead of its value.</summary>
    public const string SecretText = "[secret]";

    // Compact, and readable: letters of any script as they are; control characters stay escaped, so a value cannot drive the terminal.
    private static readonly JsonWriterOptions Compact = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Writes the outputs (nothing when there are none); <paramref name="preview"/> says they are what <c>up</c> would
    /// output, not outputs already set.
    /// </summary>
    public static void Write(IAnsiConsole output, IReadOnlyList<ProgramOutput>? outputs, bool preview)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (outputs is null || outputs.Count == 0)
        {
            return;
        }

        output.WriteLine();
        output.WriteLine(preview ? "Outputs (what up would set):" : "Outputs:", Style.Plain);
        var names = outputs.Select(o => Visible(o.Name)).ToList();
        var width = names.Max(n => n.Length);
        for (var i = 0; i < outputs.Count; i++)
        {
            output.WriteLine($"    {names[i].PadRight(width)}: {Text(outputs[i])}", Style.Plain);
        }
    }

    /// <summary>The value as people read it: <c>[secret]</c> for a secret, else compact JSON (<c>null</c> for none).</summary>
    public static string Text(ProgramOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (output.Secret)
        {
            return SecretText;
        }

        return output.Value is { } value ? Visible(CompactText(value)) : "null";
    }

    // The relaxed encoder lets invisible format characters through (a right-to-left override could disguise a value):
    // inside JSON text they can only be in a string, where \uXXXX is the same value; a name is shown the same way.
    private static string Visible(string json)
    {
        if (!json.Any(Hidden))
        {
            return json;
        }

        var text = new StringBuilder(json.Length + 16);
        foreach (var c in json)
        {
            if (Hidden(c))
            {
                text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }

    private static bool Hidden(char c) => char.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.Control or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;

    /// <summary>The value as compact JSON, written by hand from the element (no reflection).</summary>
    private static string CompactText(JsonElement value)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Compact))
        {
            value.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
