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
// | PRV168 | error | environment | a registration the stack declares does not exist in the cloud                 |
// | PRV169 | error | input       | the plan was refused (protected resources, guards)                            |
// | PRV170 | error | environment | a saved plan is stale: Azure, the stack or the state moved since the preview   |
// | PRV171 | error | input       | a saved plan cannot be used (unreadable, another stack, flags given again)     |
// | PRV172 | error | locked      | the stack is locked by another run                                             |
// | PRV173 | error | input       | the state cannot be used (damaged, another stack's, a newer format)            |
// | PRV174 | error | input       | the state backend's url cannot be used                                         |
// | PRV175 | error | input       | a multi-file export needs --out                                                |
// | PRV199 | error | environment | an unexpected failure; the stack trace is printed with --verbose               |
public static partial class DiagnosticCatalog
{
    /// <summary>PRV160: a flag or argument is invalid.</summary>
    public static Diagnostic InvalidFlag(string message) =>
        Error(SourceSpan.CommandLine, "PRV160", Excerpt(message, 400));

    /// <summary>PRV161: a file the command would write cannot be written where the flag says.</summary>
    public static Diagnostic OutputPathInvalid(string flag, string path, string reason) =>
        Error(SourceSpan.CommandLine, "PRV161", $"{flag} {Excerpt(path, 200)}: {reason} Nothing was changed.");

    /// <summary>PRV162: the file system refused a read or a write.</summary>
    public static Diagnostic FileSystemFailure(string? path, string reason) =>
        Fault(path is null ? SourceSpan.CommandLine : SourceSpan.WholeFile(path), "PRV162", $"The file system refused: {Excerpt(reason, 400)}");

    /// <summary>PRV163: the project folder does not exist.</summary>
    public static Diagnostic ProjectFolderMissing(string directory) =>
        Error(SourceSpan.CommandLine, "PRV163", $"The project folder '{Excerpt(directory, 200)}' does not exist (--cwd).");

    /// <summary>PRV164: a verb that changes Azure needs --yes where nobody can confirm.</summary>
    public static Diagnostic ConfirmationNeeded(string verb, string what = "changes Azure") =>
        Error(SourceSpan.CommandLine, "PRV164", $"{verb} {what} and needs --yes when not run on an interactive terminal (CI, pipes) or with --json. Nothing was changed.");

    /// <summary>PRV165: a resource outside the stack's registrations, found where only the stack's own may be.</summary>
    public static Diagnostic OutsideBlastRadius(SourceSpan where, string what, string id, string? undeclaredRegistration) =>
        Error(where, "PRV165", undeclaredRegistration is null
            ? $"{Sentence(what)} names {Excerpt(id, 300)}, which is not a customerSubscriptions mapping of a registration; provision never writes or deletes anything else. Nothing was changed: remove it from there."
            : $"{Sentence(what)} names {Excerpt(id, 300)} under the registration {Excerpt(undeclaredRegistration, 300)}, which this stack does not declare; provision never writes or deletes under a registration it does not declare. Nothing was changed: declare the registration again (with no tenants, up then deletes its mappings), or remove the entry from there.");

    /// <summary>PRV166: ARM answered with an error, or could not be reached.</summary>
    public static Diagnostic ArmFailure(string message, ArmErrorDetail? arm = null) =>
        Fault(SourceSpan.CommandLine, "PRV166", Excerpt(message, 1000)) with { Arm = arm };

    /// <summary>PRV168: a declared registration does not exist in the cloud.</summary>
    public static Diagnostic RegistrationNotFound(SourceSpan span, string key, string id, string cloud) =>
        Fault(span, "PRV168", $"Registration '{key}' ({id}) does not exist in {cloud}: register the stamp first. Nothing was changed.");

    /// <summary>PRV169: the plan was refused.</summary>
    public static Diagnostic PlanRefused(string reason) =>
        Error(SourceSpan.CommandLine, "PRV169", $"{Excerpt(reason, 1000)} The plan was refused: nothing was changed.");

    /// <summary>PRV170: a saved plan is stale.</summary>
    public static Diagnostic SavedPlanStale(string file, string reason) =>
        Fault(SourceSpan.WholeFile(file), "PRV170", $"The saved plan is stale: {Excerpt(reason, 600)} Run preview --save-plan again. Nothing was changed.");

    /// <summary>PRV171: a saved plan cannot be used.</summary>
    public static Diagnostic SavedPlanInvalid(string file, string reason) =>
        Error(SourceSpan.WholeFile(file), "PRV171", $"{Excerpt(reason, 600)} Nothing was changed.");

    /// <summary>PRV172: the stack is locked by another run.</summary>
    public static Diagnostic StackLocked(string message, string stack, string? lockId) =>
        new(SourceSpan.CommandLine, Severity.Error, "PRV172", $"{Excerpt(message, 600)} Nothing was changed. If that run is gone, release the lock with 'provision cancel --stack {stack}{(lockId is null ? string.Empty : " --force-unlock " + lockId)}'.") { Origin = DiagnosticOrigin.Locked };

    /// <summary>PRV173: the state cannot be used.</summary>
    public static Diagnostic StateInvalid(string where, string reason) =>
        Error(SourceSpan.WholeFile(where), "PRV173", $"{Excerpt(reason, 800)} Nothing was changed.");

    /// <summary>PRV174: the state backend's url cannot be used.</summary>
    public static Diagnostic BackendInvalid(string reason) =>
        Error(SourceSpan.CommandLine, "PRV174", $"{Excerpt(reason, 600)} Nothing was changed.");

    /// <summary>PRV175: a multi-file export needs --out.</summary>
    public static Diagnostic ExportNeedsFolder(int files, string names) =>
        Error(SourceSpan.CommandLine, "PRV175", $"This export is {files} files ({Excerpt(names, 300)}): give --out DIR to write them.");

    /// <summary>PRV199: an unexpected failure, reported instead of a crash.</summary>
    public static Diagnostic Unexpected(Exception exception) =>
        Fault(SourceSpan.CommandLine, "PRV199", $"provision stopped on an unexpected {exception?.GetType().Name}: {Excerpt(exception?.Message ?? string.Empty, 400)} Run again with --verbose for the stack trace; the state holds every finished step.");
}
