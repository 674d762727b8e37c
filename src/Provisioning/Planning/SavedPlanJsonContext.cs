using System.Text.Json.Serialization;

namespace Provisioning.Planning;

/// <summary>The saved plan's JSON, generated at compile time (no reflection: Native AOT keeps it).</summary>
[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(SavedPlan))]
internal sealed partial class SavedPlanJsonContext : JsonSerializerContext;
