namespace Provisioning.Diagnostics;

// The plan guards and import (PRV140-PRV159). A guard's finding is an error for up and destroy (exit 2, nothing sent)
// and the same code as a warning for preview, which says what up would need.
//
// | code   | level         | meaning                                                                          |
// |--------|---------------|----------------------------------------------------------------------------------|
// | PRV140 | error/warning | a PUT overwrites a mapping that no stack manages: needs --prune                  |
// | PRV141 | error/warning | a PUT overwrites a mapping that another stack of the project manages: refused    |
// | PRV142 | error/warning | a PUT overwrites a managed mapping the plan does not delete (--target, retain)   |
// | PRV143 | error/warning | a DELETE removes a mapping that another stack of the project manages: refused    |
// | PRV144 | error/warning | more than half of the managed mappings would be removed: needs --allow-mass-delete |
// | PRV145 | warning       | import leaves out a mapping that another stack of the project manages            |
// | PRV146 | error (env.)  | import --out could not be written (it is written before the state: nothing imported) |
// | PRV147 | warning       | import leaves out a mapping whose name another resource of the stack already has |

/// <summary>The diagnostics of the plan guards and of import (PRV140–PRV159); the table at the top of this file lists them.</summary>
public static partial class DiagnosticCatalog
{
    private const string UpRefuses = "up would refuse this: ";

    /// <summary>PRV140: a PUT would overwrite a mapping that no stack manages; <paramref name="refuse"/> false for preview (a warning).</summary>
    public static Diagnostic UnmanagedOverwrite(SourceSpan span, bool refuse, string put, string tenant, string removed) =>
        Guard(span, refuse, "PRV140", $"The PUT of {put} (tenant {tenant}) would overwrite the unmanaged mapping {removed}, which no stack manages "
            + "(a registration keeps one customer subscription per tenant): give --prune to remove it knowingly (it is then counted as deleted), or change the stack file.");

    /// <summary>PRV141: a PUT would overwrite a mapping that another stack of the project manages.</summary>
    public static Diagnostic SiblingOverwrite(SourceSpan span, bool refuse, string put, string tenant, string removed, string owner) =>
        Guard(span, refuse, "PRV141", $"The PUT of {put} (tenant {tenant}) would overwrite {removed}, which stack '{owner}' of this project manages: "
            + $"refused even with --prune. Decide which stack maps tenant {tenant} on that registration and remove it from the other.");

    /// <summary>PRV142: a PUT would overwrite a mapping this stack manages that the plan does not delete.</summary>
    public static Diagnostic ManagedOverwrite(SourceSpan span, bool refuse, string put, string tenant, string removed) =>
        Guard(span, refuse, "PRV142", $"The PUT of {put} (tenant {tenant}) would remove {removed}, which this stack manages but the plan does not delete "
            + "(left out by --target, or retainOnDelete): target both, or keep the tenant on its current subscription.");

    /// <summary>PRV143: a DELETE would remove a mapping that another stack of the project manages.</summary>
    public static Diagnostic SiblingDelete(SourceSpan span, bool refuse, string urn, string id, string owner) =>
        Guard(span, refuse, "PRV143", $"{urn} ({id}) would be deleted, but stack '{owner}' of this project also manages it: refused. "
            + $"Remove it from the state of one of the two stacks, or from the stack file of '{owner}' first.");

    /// <summary>PRV144: the plan removes more than half of the mappings the stack manages.</summary>
    public static Diagnostic MassDelete(SourceSpan span, bool refuse, int removals, int managed) =>
        Guard(span, refuse, "PRV144", $"The plan removes {removals} mapping(s) while the stack manages {managed}: more than half. "
            + "If the stack file is complete and this is intended, give --allow-mass-delete; to remove everything use destroy.");

    /// <summary>PRV145: import leaves out a mapping that another stack of the project manages.</summary>
    public static Diagnostic ImportSkipsSibling(SourceSpan span, string id, string owner) =>
        Warning(span, "PRV145", $"{id} is not imported: stack '{owner}' of this project manages it (a mapping belongs to one stack).");

    /// <summary>PRV146: <c>import --out</c> could not be written although it was checked; it is written before the state, so nothing was imported.</summary>
    public static Diagnostic ImportOutputFailed(string path, string reason) =>
        Fault(SourceSpan.CommandLine, "PRV146", $"--out {Excerpt(path, 200)} could not be written ({Excerpt(reason, 300)}): nothing was imported. Fix the path and run import again.");

    /// <summary>PRV147: import leaves out a mapping whose URN another resource of the stack already has.</summary>
    public static Diagnostic ImportNameTaken(SourceSpan span, string id, string name) =>
        Warning(span, "PRV147", $"{id} is not imported: its name '{name}' is already used by another mapping of the stack (in the state or the stack file). "
            + "If the stack file maps that tenant to another subscription there, up replaces this mapping (with --prune); if the state is stale, run refresh, then import again.");

    private static Diagnostic Guard(SourceSpan span, bool refuse, string code, string message) =>
        refuse ? Error(span, code, message) : Warning(span, code, UpRefuses + message);
}
