namespace Provisioning.Cli.Commands;

/// <summary>
/// Text files built into <c>provision</c> as resources (see Provisioning.Cli.csproj): the JSON Schemas of <c>schema/</c>
/// and the shell completion scripts, so the installed tool prints them without the repository at hand.
/// </summary>
internal static class EmbeddedFiles
{
    /// <summary>The resource name prefix of the JSON Schemas; the file name follows (<c>stack.schema.json</c>).</summary>
    public const string SchemaPrefix = "Provisioning.Cli.Schemas.";

    /// <summary>The resource name prefix of the completion scripts; the file name follows (<c>provision.bash</c>).</summary>
    public const string CompletionPrefix = "Provisioning.Cli.Completions.";

    /// <summary>The text of the resource <paramref name="name"/>; a resource missing from the build is a bug, not an input error.</summary>
    public static string Read(string name)
    {
        using var stream = typeof(EmbeddedFiles).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The resource {name} is not built into provision.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Writes <paramref name="text"/> to standard output as it is: no markup, no wrapping (it is meant to be redirected).</summary>
    public static void WriteRaw(CliConsole console, string text)
    {
        ArgumentNullException.ThrowIfNull(console);
        var writer = console.Out.Profile.Out.Writer;
        writer.Write(text);
        writer.Flush();
    }
}
