using System.Globalization;

namespace Provisioning.Diagnostics;

// State, journal, locks and saved plans (PRV100-PRV119). Content problems are the input's fault (exit 2);
// file-system problems are the environment's (exit 1); a held lock exits 4.
//
// | code   | level | origin      | meaning                                                                        |
// |--------|-------|-------------|--------------------------------------------------------------------------------|
// | PRV100 | error | input       | a state or journal file is not readable (empty, truncated, not JSON, a bad field) |
// | PRV101 | error | input       | a checksum does not match: the file was changed or damaged after it was written |
// | PRV102 | error | input       | a state file, journal record or saved plan belongs to another stack or project |
// | PRV103 | error | input       | a format version newer than this build reads (a newer major)                   |
// | PRV104 | error | input       | an old format without a checksum over its identity: migrate it explicitly      |
// | PRV105 | error | input       | the journal holds records but the snapshot they follow is missing              |
// | PRV106 | error | environment | a state, journal or plan path is not a regular file (a directory, a dangling symlink) |
// | PRV107 | error | environment | the state folder or a state file cannot be read or written                     |
// | PRV108 | error | environment | the lock file cannot be created or read (a directory in its place, permissions) |
// | PRV109 | -     | -           | not used: a held lock is PRV172 (DiagnosticCatalog.Run.cs), minted from StackLockedException |
// | PRV110 | error | input       | a saved plan file is not a plan                                                |
// | PRV111 | error | input       | a file given to 'stack import' cannot be the stack's state                     |
// | PRV112 | error | input       | a checkpoint of another stack was about to be written into this stack's state  |
// | PRV113 | error | input       | the stack has no state to export (or only another project's: a renamed project) |
// | PRV114 | error | input       | in CI (CI set), up or destroy of a cloud stack would keep its state on the runner (no backend) |

/// <summary>The state part of the catalogue: state files, journals, locks and saved plans.</summary>
public static partial class DiagnosticCatalog
{
    private const int MaxReason = 300;

    /// <summary>PRV100: a state or journal file is not readable as its format says.</summary>
    public static Diagnostic StateCorrupt(string file, string what, string reason, string? recovery = null) =>
        Error(SourceSpan.WholeFile(file), "PRV100", $"The {what} '{file}' is corrupt or truncated: {Reason(reason)} It is not used.{Tail(recovery)}");

    /// <summary>PRV101: a checksum does not match.</summary>
    public static Diagnostic ChecksumMismatch(string file, string what, string? recovery = null) =>
        Error(SourceSpan.WholeFile(file), "PRV101", $"The checksum of the {what} '{file}' does not match its content: it was changed or damaged after it was written, and it is not used.{Tail(recovery)}");

    /// <summary>PRV102: a file (or one record of it) belongs to another stack or project.</summary>
    public static Diagnostic ForeignState(string file, string what, string boundTo, string expected, string? part = null) =>
        Error(SourceSpan.WholeFile(file), "PRV102", $"The {what} '{file}'{(part is null ? string.Empty : $", {part},")} belongs to {boundTo}, not to {expected}; it is refused. Copying state between stacks is not supported: use 'provision stack export' and 'provision stack import', or 'provision import'.");

    /// <summary>PRV103: a newer major format version than this build reads.</summary>
    public static Diagnostic FormatTooNew(string file, string what, string version, string supported) =>
        Error(SourceSpan.WholeFile(file), "PRV103", $"The {what} '{file}' is in format version {version}, newer than this provision reads ({supported}); it was written by a newer provision. Upgrade provision; nothing was changed.");

    /// <summary>PRV104: an old format whose identity no checksum covers; <paramref name="migration"/> says what to run.</summary>
    public static Diagnostic FormatTooOld(string file, string what, string version, string migration) =>
        Error(SourceSpan.WholeFile(file), "PRV104", $"The {what} '{file}' is in format version {version}, which has no checksum over its stack and content, so it is not trusted. {migration}");

    /// <summary>PRV105: journal records without the snapshot they follow.</summary>
    public static Diagnostic SnapshotMissing(string snapshot, string journal, int records) =>
        Error(SourceSpan.WholeFile(snapshot), "PRV105", $"The snapshot '{snapshot}' is missing but the journal '{journal}' holds {records.ToString(CultureInfo.InvariantCulture)} record(s); restore the snapshot from a backup, or move the journal aside and run 'provision refresh'.");

    /// <summary>PRV106: a path that must be a regular file is something else.</summary>
    public static Diagnostic NotAFile(string path, string what, string found) =>
        Fault(SourceSpan.WholeFile(path), "PRV106", $"The {what} '{path}' is {found}, not a regular file; move it aside (nothing was changed).");

    /// <summary>PRV107: the state folder or a file in it cannot be read or written.</summary>
    public static Diagnostic StateIoFailed(string path, string doing, string reason) =>
        Fault(SourceSpan.WholeFile(path), "PRV107", $"Cannot {doing} '{path}': {Reason(reason)} Check that the folder exists as a folder and is writable.");

    /// <summary>PRV108: the lock file cannot be created or read.</summary>
    public static Diagnostic LockUnusable(string path, string reason) =>
        Fault(SourceSpan.WholeFile(path), "PRV108", $"Cannot use the lock file '{path}': {Reason(reason)} Move whatever is there aside once no run uses the stack.");

    /// <summary>PRV110: a saved plan file is not a plan.</summary>
    public static Diagnostic PlanCorrupt(string file, string reason) =>
        Error(SourceSpan.WholeFile(file), "PRV110", $"'{file}' is not a saved plan: {Reason(reason)} Run 'provision preview --save-plan' again.");

    /// <summary>PRV111: a file given to <c>stack import</c> cannot be the stack's state.</summary>
    public static Diagnostic ImportInvalid(string file, string reason) =>
        Error(SourceSpan.WholeFile(file), "PRV111", $"'{file}' cannot be imported: {Reason(reason)}");

    /// <summary>PRV112: a checkpoint of another stack was about to be written into this stack's state.</summary>
    public static Diagnostic ForeignWrite(string file, string boundTo, string expected) =>
        Error(SourceSpan.WholeFile(file), "PRV112", $"Refused to write the state of {boundTo} into '{file}', the state of {expected}; nothing was written.");

    /// <summary>PRV113: the stack has no state of this project; <paramref name="elsewhere"/> lists state files of other projects for it.</summary>
    public static Diagnostic StateNotFound(string where, string stack, string? project, IReadOnlyCollection<string> elsewhere, string outcome = "Nothing was exported.") =>
        Error(SourceSpan.WholeFile(where), "PRV113", (project is null ? $"Stack '{stack}' has no state" : $"Stack '{stack}' of project '{project}' has no state")
            + (elsewhere.Count == 0 ? " (run 'provision up' first)." : $"; state of the same stack name was found for another project at {string.Join(", ", elsewhere.Take(5))} (was the project renamed? Rename its folder under .provision/stacks back, or import it with 'provision stack import').")
            + " " + outcome);

    /// <summary>PRV114: a CI run that changes Azure would keep its state on the runner, which is thrown away after the job.</summary>
    public static Diagnostic LocalStateInCi(string verb, string stack) =>
        Error(
            SourceSpan.WholeFile(ProjectFile),
            "PRV114",
            $"'{verb}' of stack {stack} runs in CI (the CI variable is set) but Pulumi.yaml names no backend: the state would be written to .provision/ on this runner and lost with it, and the next run would no longer know what the stack manages. Set 'backend: url: azblob://<container>?account=<name>' in Pulumi.yaml (docs/azure.md), or pass --allow-local-state if this runner keeps its files. Nothing was changed.");

    private const string ProjectFile = "Pulumi.yaml";

    /// <summary>A reason as one sentence on one line, cut like every quoted value.</summary>
    private static string Reason(string text)
    {
        var line = Excerpt(text.ReplaceLineEndings(" ").Trim(), MaxReason);
        return line.EndsWith('.') || line.EndsWith('…') ? line : line + ".";
    }

    private static string Tail(string? text) => string.IsNullOrEmpty(text) ? string.Empty : " " + text;
}
