using System.Text.Json.Serialization;

namespace Provisioning.Sdk;

/// <summary>The SDK's own source-generated JSON shapes (the environment's lists).</summary>
[JsonSerializable(typeof(string[]))]
internal sealed partial class SdkJsonContext : JsonSerializerContext;
