using System.Text.Json.Serialization;
using Provisioning.Cli.Commands;

namespace Provisioning.Cli.Rendering.Json;

/// <summary>The JSON the CLI writes (the <c>--json</c> documents, <c>stack ls --json</c>), generated at compile time: no reflection, so Native AOT keeps it.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(PlanDocument))]
[JsonSerializable(typeof(ErrorDocument))]
[JsonSerializable(typeof(List<StackLsCommand.StackRow>))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
