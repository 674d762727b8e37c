using Provisioning.Config;
using Provisioning.Programs;

namespace Provisioning.Engine;

/// <summary>
/// What <see cref="StackSource"/> read: the stack (or its diagnostics) and, for a C# program, the stack outputs it returned
/// (a secret's clear text is never among them); null for a YAML stack, which has no outputs.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "A stack is the domain's word (Pulumi's WorkspaceStack), not a collection.")]
public sealed record SourcedStack(StackLoadResult Loaded, IReadOnlyList<ProgramOutput>? Outputs);
