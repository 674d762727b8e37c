using System.Text.Json;

namespace Provisioning.Engine;

/// <summary>
/// A program run in the caller's process (Pulumi's inline program): given the stack's settings, it declares its resources
/// and returns its message (docs/program-contract.md), exactly as a program process writes it. <c>Provisioning.Sdk</c>'s
/// <c>ProgramFn.Create</c> makes one from a <c>Deployment.RunAsync</c>-style delegate.
/// </summary>
public delegate Task<ReadOnlyMemory<byte>> InlineProgram(InlineProgramContext context, CancellationToken cancellationToken);

/// <summary>What an inline program is run with: the stack's project and name, its config (<c>namespace:key</c> → JSON value) and whether this is a preview.</summary>
public sealed record InlineProgramContext(string Project, string Stack, IReadOnlyDictionary<string, JsonElement> Config, IReadOnlySet<string> SecretKeys, bool Preview);
