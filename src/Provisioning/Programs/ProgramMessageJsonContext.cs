using System.Text.Json.Serialization;

namespace Provisioning.Programs;

/// <summary>The source-generated JSON shape of a <see cref="ProgramMessage"/>: camelCase, enums as camelCase strings, strict.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    AllowDuplicateProperties = false,
    RespectRequiredConstructorParameters = true,
    WriteIndented = true)]
[JsonSerializable(typeof(ProgramMessage))]
[JsonSerializable(typeof(string[]))]
internal sealed partial class ProgramMessageJsonContext : JsonSerializerContext;
