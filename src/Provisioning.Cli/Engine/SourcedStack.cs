using Provisioning.Config;
using Provisioning.Programs;

namespace Provisioning.Cli.Engine;

/// <summary>
/// What <see cref="StackSource"/> read: the stack (or its diagnostics) and, for a C# program, the stack outputs it returned
/// (a secret's clear text is never among them); null for a YAML stack, which has no outputs.
/// </summary>
internal sealed record SourcedStack(StackLoadResult Loaded, IReadOnlyList<ProgramOutput>? Outputs);
