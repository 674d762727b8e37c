namespace Provisioning.Diagnostics;

// The run itself: flags, files the command writes, the blast radius, signals, and the last-resort gate.
//
// | code   | level | origin      | meaning                                                                      |
// |--------|-------|-------------|------------------------------------------------------------------------------|
// | PRV160 | error | input       | a flag or argument is invalid (System.CommandLine's parse errors, our checks)  |
// | PRV161 | error | input       | a file the command would write cannot be: its folder is missing, or it is a folder |
// | PRV162 | error | environment | the file system refused a read or a write (permissions, a file where a folder goes, disk full) |
// | PRV163 | error | input       | the project folder (--cwd) does not exist                                     |
// | PRV164 | error | input       | a verb that changes Azure was run without --yes where nobody can confirm       |
// | PRV165 | error | input       | state, journal, saved plan or import names a resource outside the stack's registrations (blast radius) |
// | PRV166 | error | environment | ARM answered with an error, or could not be reached                            |
// | PRV199 | error | environment | an unexpected failure; the stack trace is printed with --verbose               |
public static partial class DiagnosticCatalog
{
    /// <summary>PRV160: a flag or argument is invalid.</summary>
    public static Diagnostic InvalidFlag(string message) =>
        Error(SourceSpan.CommandLine, "PRV160", Cut(message, 400));

    /// <summary>PRV161: a file the command would write cannot be written where the flag says.</summary>
    public static Diagnostic OutputPathInvalid(string flag, string path, string reason) =>
        Error(SourceSpan.CommandLine, "PRV161", $"{flag} {Cut(path, 200)}: {reason} Nothing was changed.");

    /// <summary>PRV162: the file system refused a read or a write.</summary>
    public static Diagnostic FileSystemFailure(string? path, string reason) =>
        Fault(path is null ? SourceSpan.CommandLine : SourceSpan.WholeFile(path), "PRV162", $"The file system refused: {Cut(reason, 400)}");

    /// <summary>PRV163: the project folder does not exist.</summary>
    public static Diagnostic ProjectFolderMissing(string directory) =>
        Error(SourceSpan.CommandLine, "PRV163", $"The project folder '{Cut(directory, 200)}' does not exist (--cwd).");

    /// <summary>PRV164: a verb that changes Azure needs --yes where nobody can confirm.</summary>
    public static Diagnostic ConfirmationNeeded(string verb, string what = "changes Azure") =>
        Error(SourceSpan.CommandLine, "PRV164", $"{verb} {what} and needs --yes when not run on an interactive terminal (CI, pipes) or with --json. Nothing was changed.");

    /// <summary>PRV165: a resource outside the stack's registrations, found where only the stack's own may be.</summary>
    public static Diagnostic OutsideBlastRadius(SourceSpan where, string what, string id, string? undeclaredRegistration) =>
        Error(where, "PRV165", undeclaredRegistration is null
            ? $"{Sentence(what)} names {Cut(id, 300)}, which is not a customerSubscriptions mapping of a registration; provision never writes or deletes anything else. Nothing was changed: remove it from there."
            : $"{Sentence(what)} names {Cut(id, 300)}, a mapping of the registration {Cut(undeclaredRegistration, 300)}, which this stack does not declare; provision never writes or deletes under a registration it does not declare. Nothing was changed: declare the registration again (with no tenants, up then deletes its mappings), or remove the entry from there.");

    /// <summary>PRV166: ARM answered with an error, or could not be reached.</summary>
    public static Diagnostic ArmFailure(string message) =>
        Fault(SourceSpan.CommandLine, "PRV166", Cut(message, 1000));

    /// <summary>PRV199: an unexpected failure, reported instead of a crash.</summary>
    public static Diagnostic Unexpected(Exception exception) =>
        Fault(SourceSpan.CommandLine, "PRV199", $"provision stopped on an unexpected {exception?.GetType().Name}: {Cut(exception?.Message ?? string.Empty, 400)} Run again with --verbose for the stack trace; the state holds every finished step.");

    /// <summary>Cuts a value shown in a message to at most <paramref name="max"/> characters, so a huge input is never echoed whole.</summary>
    public static string Cut(string value, int max = 80)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length <= max ? value : string.Concat(value.AsSpan(0, max), $"… ({value.Length:N0} characters)");
    }
}
