using Provisioning.Diagnostics;

namespace Provisioning.Config;

/// <summary>What <see cref="StackFileEditor.AddTenants"/> made: the new text, or the unchanged text and why it could not be edited.</summary>
/// <param name="Text">The text (unchanged when <paramref name="Problems"/> is not empty).</param>
/// <param name="Problems">Why the file could not be edited in place (PRV250), each where it is.</param>
public sealed record StackFileEdit(string Text, IReadOnlyList<Diagnostic> Problems);
