namespace Provisioning.Programs;

/// <summary>
/// Turns a program's message into the same <see cref="Config.StackDefinition"/> a YAML stack gives, so every rule of the
/// YAML path (names, GUIDs, ARM names, <see cref="AzureStack.DomainRules"/>) runs unchanged on programs, and every
/// problem is reported at once, at the program's file and line.
/// </summary>
public static class ProgramConverter
{
    /// <summary>Converts <paramref name="message"/> (already read by <see cref="ProgramMessageReader"/>) for the run <paramref name="options"/> describe.</summary>
    public static ProgramConversion Convert(ProgramMessage message, ProgramConversionOptions options)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(options);
        return new ProgramConversionRun(message, options).Run();
    }
}
