using Provisioning.Diagnostics;

namespace Provisioning.Programs;

/// <summary>Small shorthands over <see cref="DiagnosticCatalog"/> shared by the reader and the validator.</summary>
internal static class ProgramMessageDiagnostics
{
    public static Diagnostic Damaged(SourceSpan span, string reason) =>
        DiagnosticCatalog.ProgramMessageDamaged(span, reason.EndsWith('.') ? reason : reason + ".");
}
